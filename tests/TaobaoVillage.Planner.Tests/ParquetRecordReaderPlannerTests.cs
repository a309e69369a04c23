using System.Globalization;
using Parquet;
using Parquet.Schema;
using TaobaoVillage.Batch;
using TaobaoVillage.Domain;
using TaobaoVillage.Files;
using TaobaoVillage.Parquet;
using TaobaoVillage.Planner;

namespace TaobaoVillage.Tests;

public class ParquetRecordReaderPlannerTests
{
    [Fact]
    public async Task Open_ContractSampleAsParquet_SameVerdictsAndReportAsItsCsv()
    {
        using var folder = new TempFolder();
        var parquet = folder.File("sample.parquet");
        await ParquetRecordReaderTests.WriteAsync(parquet, File.ReadAllLines(Inputs.SamplePath), decimals: true);

        var fromParquet = RecordFiles.Open(parquet);
        var fromCsv = RecordFiles.Open(Inputs.SamplePath);

        Assert.Equal(RecordFileFormat.Parquet, fromParquet.Report.Format);
        Assert.Equal(fromCsv.Report.Header, fromParquet.Report.Header);
        Assert.Equal(fromCsv.Report.Renamed, fromParquet.Report.Renamed);
        var expected = ParquetRecordReaderTests.Verdicts(fromCsv.Rows);
        Assert.Equal(332, expected.Count);
        Assert.Equal(expected, ParquetRecordReaderTests.Verdicts(fromParquet.Rows));
        Assert.Equal(1, fromParquet.Rows.First().Line);
    }

    [Fact]
    public async Task Score_ParquetInput_SameCountsAsTheCsv()
    {
        using var folder = new TempFolder();
        var parquet = folder.File("sample.parquet");
        await ParquetRecordReaderTests.WriteAsync(parquet, File.ReadAllLines(Inputs.SamplePath), decimals: true);

        var fromParquet = PlannerRun.Run("score", "--input", parquet, "--format", "csv");
        var fromCsv = PlannerRun.Run("score", "--format", "csv");

        Assert.Equal(PlannerApp.Ok, fromParquet.Code);
        Assert.Contains("read 332, scored 330 (eligible 88", fromParquet.Err, StringComparison.Ordinal);
        Assert.Equal(fromCsv.Out.Split('\n').Length, fromParquet.Out.Split('\n').Length);
    }
}
