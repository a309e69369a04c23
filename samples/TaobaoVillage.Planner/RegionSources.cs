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
        public Option<string?> Input { get; } = new("--input", "-i") { Description = "Village records to score first (.csv, .jsonl, .json)." };

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
            if (list is not null)
            {
                Inputs.RequireFile(list, "list file");

                var options = Inputs.CsvOptions(parse.GetValue(Encoding));
                try
                {
                    foreach (var row in OfficialListReader.ReadFile(list, options))
                    {
                        if (row.Value is { } v && Keep(v.Year))
                        {
                            aggregator.Add(VillageResult.FromDesignated(v));
                        }
                        else if (!row.IsValid)
                        {
                            // Nothing is lost quietly: a list row that cannot be read is named with its reason.
                            foreach (var p in row.Problems)
                            {
                                io.Error.WriteLine(Terminal.Clean($"{p with { Source = list, Line = row.Line }}{Words.Get(" (row rejected)")}"));
                            }
                        }
                    }
                }
                catch (InvalidDataException ex)
                {
                    throw new PlannerException($"{list}: {ex.Message}");
                }

                return (aggregator, Path.GetFileName(list));
            }

            // Towns from village records judge each village under the village set of its year, unless one is named.
            var villageRules = parse.GetValue(VillageRules)!;
            var batch = new BatchOptions { DegreeOfParallelism = Environment.ProcessorCount };
            var scorer = Inputs.VillageScorer(villageRules, batch);
            foreach (var row in scorer.Score(Inputs.Records(input!, parse.GetValue(Encoding), io)))
            {
                if (VillageResult.FromScored(row) is { } result && Keep(result.Year))
                {
                    aggregator.Add(result);
                }
            }

            return (aggregator, Path.GetFileName(input!));
        }
    }
}
