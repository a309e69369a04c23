using System.CommandLine;
using TaobaoVillage.Aggregation;
using TaobaoVillage.Batch;
using TaobaoVillage.Csv;

namespace TaobaoVillage.Planner;

/// <summary>Where village results come from for towns, counties and years: scored records or an official list.</summary>
public static partial class RegionCommands
{
    /// <summary>Where village results come from: scored records or an official list.</summary>
    private sealed class SourceOptions
    {
        public Option<string?> Input { get; } = new("--input", "-i") { Description = "Village records to score first (.csv, .xlsx, .jsonl, .json, .parquet)." };

        public Option<string?> List { get; } = new("--list", "-l") { Description = "An official list of designated villages (CSV: year, province, city, county, township, village)." };

        public Option<int?> Year { get; } = new("--year") { Description = "Keep only this year." };

        public Option<string> VillageRules { get; } = new("--village-rules") { Description = "With --input: the village rule set; auto (the default) judges each village by the set of its year.", DefaultValueFactory = _ => "auto" };

        public Option<string?> Encoding { get; } = CommonOptions.Encoding();

        /// <summary>The files these options name, which no output may overwrite.</summary>
        public string?[] Files(ParseResult parse) => [parse.GetValue(Input), parse.GetValue(List), parse.GetValue(VillageRules)];

        public (RegionAggregator Aggregator, string Label) Load(ParseResult parse, PlannerIO io, int[]? years = null)
        {
            var input = parse.GetValue(Input);
            var list = parse.GetValue(List);
            if ((input is null) == (list is null))
            {
                throw new PlannerException(Words.Get("give either --input (village records) or --list (an official list), not both or neither."), PlannerApp.Usage);
            }

            var year = parse.GetValue(Year);
            bool Keep(int y) => (year is null || y == year) && (years is null || years.Contains(y));
            var aggregator = new RegionAggregator();
            var results = list is not null ? FromList(list, parse, io) : FromRecords(input!, parse, io);
            foreach (var result in results.Where(r => Keep(r.Year)))
            {
                aggregator.Add(result);
            }

            return (aggregator, Path.GetFileName(list ?? input!));
        }

        private IEnumerable<VillageResult> FromList(string list, ParseResult parse, PlannerIO io)
        {
            Inputs.RequireFile(list, "list file");
            var rows = OfficialListReader.ReadFile(list, Inputs.CsvOptions(parse.GetValue(Encoding)));
            using var reading = rows.GetEnumerator();
            while (Next(reading, list))
            {
                if (reading.Current.Value is { } designated)
                {
                    yield return VillageResult.FromDesignated(designated);
                    continue;
                }

                // Nothing is lost quietly: a list row that cannot be read is named with its reason.
                foreach (var p in reading.Current.Problems)
                {
                    io.Error.WriteLine(Terminal.Clean($"{p with { Source = list, Line = reading.Current.Line }}{Words.Get(" (row rejected)")}"));
                }
            }
        }

        /// <summary>The next row of a list; a file that cannot be read as a table stops the run with one line.</summary>
        private static bool Next<T>(IEnumerator<T> rows, string list)
        {
            try
            {
                return rows.MoveNext();
            }
            catch (InvalidDataException ex)
            {
                throw new PlannerException($"{list}: {ex.Message}");
            }
        }

        // Towns from village records judge each village under the village set of its year, unless one is named.
        private IEnumerable<VillageResult> FromRecords(string input, ParseResult parse, PlannerIO io)
        {
            var scorer = Inputs.VillageScorer(parse.GetValue(VillageRules)!, new BatchOptions { DegreeOfParallelism = Environment.ProcessorCount });
            foreach (var row in scorer.Score(Inputs.Records(input, parse.GetValue(Encoding), io)))
            {
                if (VillageResult.FromScored(row) is { } result)
                {
                    yield return result;
                }
            }
        }
    }
}
