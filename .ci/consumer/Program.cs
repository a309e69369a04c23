// The consumer check: a fresh console app that uses TaobaoVillage as users get it, from the packed .nupkg files.
using TaobaoVillage.Batch;
using TaobaoVillage.Csv;
using TaobaoVillage.Domain;
using TaobaoVillage.Engine;
using TaobaoVillage.Json;
using TaobaoVillage.Metrics;
using TaobaoVillage.NRules;
using TaobaoVillage.Rules;
using TaobaoVillage.RuleSets;
using TaobaoVillage.Testing;

var failures = 0;
void Check(bool ok, string what)
{
    Console.WriteLine($"{(ok ? "ok  " : "FAIL")} {what}");
    if (!ok)
    {
        failures++;
    }
}

// The README's example.
var evaluator = BuiltInRuleSets.AliResearch.Compile();
var village = new VillageRecord(new VillageCode("330782100201"))
{
    Year = 2022, Committee = CommitteeKind.Village, Households = 400,
    ActiveShops = 39, AnnualSales = Cny.FromYuan(9_999_999.99m),
};
var verdict = evaluator.Evaluate(village);
Check(verdict.Eligibility == Eligibility.NotEligible, "one fen short is not eligible");
Check(verdict["annual-sales"].Shortfall?.Amount == 0.01m, "the shortfall is one fen");
Check(verdict.PathsToPass()[0].ToString() == "CN¥0.01 more annual e-commerce sales and 1 more active online shop", "the cheapest path is named");
Check(evaluator.Evaluate(village with { AnnualSales = Cny.FromYuan(10_000_000m), ActiveShops = 40 }).IsEligible, "exactly at the thresholds is eligible");
Check(evaluator.Evaluate(village with { AnnualSales = null }).Eligibility == Eligibility.NotEligible, "missing sales with too few shops is not eligible");
Check(evaluator.Evaluate(village with { AnnualSales = null, ActiveShops = 100 }).Eligibility == Eligibility.Indeterminate, "missing sales is indeterminate");
VerdictAssert.FailsCriterion(verdict, "annual-sales", by: 0.01m);

// The embedded rule sets and the JSON round trip.
Check(BuiltInRuleSets.All.Select(r => r.Id.Value).SequenceEqual(["classic", "aliresearch-2014", "aliresearch", "aliresearch-town-2014", "aliresearch-town-2019", "aliresearch-town"]), "six built-in rule sets ship in the package");
Check(BatchScorer.ForYears().ScoreOne(village with { Year = 2016, Committee = CommitteeKind.Residents, ActiveShops = 150, AnnualSales = Cny.FromYuan(15_000_000m) }).Status == Eligibility.Eligible,
    "a 2016 residents' committee is judged by the 2016 rules");
Check(RuleSetJson.Parse(RuleSetJson.Save(BuiltInRuleSets.Classic)).Equals(BuiltInRuleSets.Classic), "a rule set saved and loaded is equal");

// CSV in, verdicts out, nothing lost.
const string csv = "village_code,village_name,committee,households,active_shops,annual_sales_cny\n"
    + "330782100201,青岩刘村,village,400,150,25000000\n330782100202,零户村,village,0,1,1\n330782100203,,residents,400,150,25000000\n";
var counts = new BatchCounts();
var rows = new BatchScorer(BuiltInRuleSets.AliResearch).Score(CsvRecordReader.Read(new StringReader(csv), "inline.csv"), counts).ToList();
Check(rows.Select(r => r.StatusName).SequenceEqual(["eligible", "invalid", "not_eligible"]), "CSV rows scored in order");
Check(counts.AddsUp && counts.Read == 3 && counts.Rejected == 1, "counts add up: " + counts);

// NRules: the same rule set as NRules rules, the verdict through a session.
var session = TaobaoVillageRules.Compile([TaobaoVillageRules.Villages(BuiltInRuleSets.AliResearch)]).CreateSession();
session.Insert(village);
session.Fire();
var outcome = session.Query<VillageOutcome>().Single();
Check(outcome.Eligibility == Eligibility.NotEligible && outcome.Verdict!.Eligibility == verdict.Eligibility, "NRules decides the README's village as the evaluator does");

Console.WriteLine(failures == 0 ? "consumer check passed" : $"consumer check: {failures} failure(s)");
return failures == 0 ? 0 : 1;
