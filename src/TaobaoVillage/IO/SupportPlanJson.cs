using System.Globalization;
using Newtonsoft.Json;
using TaobaoVillage.Planning;
using TaobaoVillage.Rules;

namespace TaobaoVillage.IO;

/// <summary>
/// A support plan as JSON Lines, one object per village to help, in the order they are worth helping:
/// <c>village_code</c>, <c>village_name</c>, <c>township_code</c>, <c>year</c>, <c>line</c>, <c>effort</c>,
/// <c>shortfalls</c> (each <c>criterion</c>, <c>metric</c>, <c>amount</c>, <c>unit</c>) and <c>completes_town</c>
/// (the township it helps turn into a Taobao Town, or null).
/// </summary>
/// <remarks>Thread-safe: every member is static and keeps no state.</remarks>
public static class SupportPlanJson
{
    /// <summary>One village of a plan as one JSON line (without the line break).</summary>
    /// <param name="village">The planned village.</param>
    /// <returns>The JSON text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="village"/> is null.</exception>
    public static string FormatLine(PlannedVillage village)
    {
        ArgumentNullException.ThrowIfNull(village);
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var w = new JsonTextWriter(text) { Formatting = Formatting.None })
        {
            w.WriteStartObject();
            w.WritePropertyName("village_code");
            w.WriteValue(village.VillageCode);
            w.WritePropertyName("village_name");
            w.WriteValue(village.VillageName);
            w.WritePropertyName("township_code");
            w.WriteValue(village.TownshipCode);
            w.WritePropertyName("year");
            w.WriteValue(village.Year);
            w.WritePropertyName("line");
            w.WriteValue(village.Line);
            w.WritePropertyName("effort");
            w.WriteRawValue(Math.Round(village.Effort, 6, MidpointRounding.ToPositiveInfinity).ToString(CultureInfo.InvariantCulture));
            w.WritePropertyName("shortfalls");
            w.WriteStartArray();
            foreach (var step in village.Steps)
            {
                w.WriteStartObject();
                w.WritePropertyName("criterion");
                w.WriteValue(step.CriterionId);
                w.WritePropertyName("metric");
                w.WriteValue(step.Metric.Name);
                w.WritePropertyName("amount");
                w.WriteRawValue(step.Amount.ToString(CultureInfo.InvariantCulture));
                w.WritePropertyName("unit");
                w.WriteValue(UnitNames.Name(step.Unit));
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WritePropertyName("completes_town");
            w.WriteValue(village.CompletesTown);
            w.WriteEndObject();
        }

        return text.ToString();
    }
}
