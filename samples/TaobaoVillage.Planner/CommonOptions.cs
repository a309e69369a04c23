using System.CommandLine;
using TaobaoVillage.Csv;
using TaobaoVillage.Domain;

namespace TaobaoVillage.Planner;

/// <summary>Options several commands share.</summary>
public static class CommonOptions
{
    /// <summary><c>--rules</c>: a built-in id or a rule file.</summary>
    /// <param name="defaultId">The default rule set.</param>
    /// <returns>The option.</returns>
    public static Option<string> Rules(string defaultId = "aliresearch") => new("--rules", "-r")
    {
        Description = "auto (each row by the built-in set of its year: classic to 2013, aliresearch-2014 2014–2019, aliresearch from 2020), a built-in rule set (classic, aliresearch-2014, aliresearch, …; see 'rules list') or a rule file (.json).",
        DefaultValueFactory = _ => defaultId,
    };

    /// <summary><c>--format</c>: one of the given formats, the first by default.</summary>
    /// <param name="formats">The formats allowed.</param>
    /// <returns>The option.</returns>
    public static Option<string> Format(params string[] formats)
    {
        var option = new Option<string>("--format", "-f") { Description = string.Join(", ", formats) + ".", DefaultValueFactory = _ => formats[0] };
        option.AcceptOnlyFromAmong(formats);
        return option;
    }

    /// <summary>
    /// A number option read the same on every machine and as files are read (<see cref="ExactDecimal.ParseGrouped"/>):
    /// a dot for decimals, commas only between thousands (<c>9999999.99</c>, <c>8,000,000</c>), whatever the system
    /// culture; a decimal comma (<c>1,5</c>) is refused, never read as 15.
    /// </summary>
    /// <param name="name">The option's name.</param>
    /// <param name="description">What it sets.</param>
    /// <returns>The option.</returns>
    public static Option<decimal?> Number(string name, string description) => Parsed(name, description, ExactDecimal.ParseGrouped);

    /// <summary>
    /// An amount-of-money option: a number as <see cref="Number"/> reads it, in yuan, or with the unit a file's header
    /// may give (<c>800万</c>, <c>800万元</c>, <c>0.08亿</c>; <see cref="MoneyUnit.ParseYuan"/>).
    /// </summary>
    /// <param name="name">The option's name.</param>
    /// <param name="description">What it sets.</param>
    /// <returns>The option, in yuan.</returns>
    public static Option<decimal?> Money(string name, string description) => Parsed(name, description, MoneyUnit.ParseYuan);

    private delegate ExactDecimalResult Parser(string text, out decimal value);

    private static Option<decimal?> Parsed(string name, string description, Parser parser) => new(name)
    {
        Description = description,
        CustomParser = result =>
        {
            var token = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
            var outcome = parser(token, out var value);
            if (outcome == ExactDecimalResult.Exact)
            {
                return value;
            }

            result.AddError(NotANumber(name, token, outcome));
            return null;
        },
    };

    /// <summary>Refuses a value below 1 for a count option (<c>--top 0</c>, <c>--parallel 0</c>), with a message naming it.</summary>
    /// <param name="option">The option.</param>
    /// <returns>The same option.</returns>
    public static Option<int> AtLeastOne(Option<int> option)
    {
        ArgumentNullException.ThrowIfNull(option);
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1)
            {
                result.AddError($"{option.Name}: '{(result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty)}' is below 1; give 1 or more.");
            }
        });
        return option;
    }

    /// <summary>
    /// A share option: a fraction (<c>0.08</c>) or a percentage (<c>8%</c>), at most 1 — <c>8</c> would be 800% and is
    /// refused, never taken as 8%.
    /// </summary>
    /// <param name="name">The option's name.</param>
    /// <param name="description">What it sets.</param>
    /// <returns>The option.</returns>
    public static Option<decimal?> Fraction(string name, string description) => new(name)
    {
        Description = description,
        CustomParser = result =>
        {
            var token = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
            if (TryParseShare(token, out var share) && share is >= 0m and <= 1m)
            {
                return share;
            }

            result.AddError($"{name} is a share of households: 0.08 or 8%; '{token}' is not one.");
            return null;
        },
    };

    /// <summary>A share as people write it: a fraction, or a percentage with %.</summary>
    /// <param name="token">The text.</param>
    /// <param name="share">The fraction.</param>
    /// <returns>Whether it reads.</returns>
    public static bool TryParseShare(string token, out decimal share)
    {
        var text = token.Trim();
        var percent = text.EndsWith('%') || text.EndsWith('％');
        if (TryParseNumber(percent ? text[..^1] : text, out share))
        {
            share = percent ? share / 100m : share;
            return true;
        }

        return false;
    }

    /// <summary>Reads a number the way <see cref="Number"/> does, for values inside other arguments (--set METRIC=VALUE).</summary>
    /// <param name="token">The text.</param>
    /// <param name="name">What it is, for the message.</param>
    /// <returns>The number.</returns>
    /// <exception cref="PlannerException">It is not a number.</exception>
    public static decimal ParseNumber(string token, string name) => Parse(token, name, ExactDecimal.ParseGrouped);

    /// <summary>Reads an amount the way <see cref="Money"/> does, for values inside other arguments (--set METRIC=800万).</summary>
    /// <param name="token">The text.</param>
    /// <param name="name">What it is, for the message.</param>
    /// <returns>The amount in yuan.</returns>
    /// <exception cref="PlannerException">It is not an amount.</exception>
    public static decimal ParseMoney(string token, string name) => Parse(token, name, MoneyUnit.ParseYuan);

    private static decimal Parse(string token, string name, Parser parser)
    {
        ArgumentNullException.ThrowIfNull(token);
        var outcome = parser(token, out var value);
        return outcome == ExactDecimalResult.Exact ? value : throw new PlannerException(NotANumber(name, token, outcome), PlannerApp.Usage);
    }

    private static bool TryParseNumber(string token, out decimal value) => ExactDecimal.ParseGrouped(token, out value) == ExactDecimalResult.Exact;

    private static string NotANumber(string name, string token, ExactDecimalResult outcome = ExactDecimalResult.NotANumber) => outcome switch
    {
        ExactDecimalResult.Inexact => $"{name}: '{token}' has more digits than can be held exactly (at most 28 decimal places); it is not rounded.",
        ExactDecimalResult.OutOfRange => $"{name}: '{token}' is too large.",
        _ => $"{name}: '{token}' is not a number; write it with a dot for decimals and commas only between thousands, as 9999999.99 or 8,000,000.",
    };

    /// <summary>A whole-number option read the same on every machine (commas only between thousands: <c>1,5</c> is refused, not 15).</summary>
    /// <param name="name">The option's name.</param>
    /// <param name="description">What it sets.</param>
    /// <returns>The option.</returns>
    public static Option<long?> Whole(string name, string description) => new(name)
    {
        Description = description,
        CustomParser = result =>
        {
            var token = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
            if (ExactDecimal.ParseGrouped(token, out var value) == ExactDecimalResult.Exact && decimal.Truncate(value) == value && value is >= long.MinValue and <= long.MaxValue)
            {
                return (long)value;
            }

            result.AddError($"{name}: '{token}' is not a whole number (commas only between thousands, as 100,000).");
            return null;
        },
    };

    // The options shared by every command are made anew for each command tree (each property returns a new one):
    // a tree's help is translated into its run's language in place, and runs in two languages may build trees at once.

    /// <summary>
    /// <c>--raw-cells</c>, on every command: CSV cells exactly as they are. By default a text cell that a spreadsheet
    /// would run as a formula (starting with = + - @, a tab or a carriage return) gets a leading ' (CSV injection).
    /// </summary>
    public static Option<bool> RawCells => new("--raw-cells")
    {
        Description = "Write CSV cells exactly as they are, for programs. By default a text cell starting with = + - @ (a spreadsheet formula) gets a leading ' so that Excel and WPS never run it.",
        Recursive = true,
    };

    /// <summary>
    /// <c>--codes-as-text</c>, on every command: CSV code cells of digits as <c>="…"</c>, so that a spreadsheet keeps
    /// them as codes (<see cref="CsvOutputOptions.CodesAsText"/>).
    /// </summary>
    public static Option<bool> CodesAsText => new("--codes-as-text")
    {
        Description = "Write village and township codes in CSV as =\"330782100201\", so that Excel, WPS and LibreOffice show them as codes, not as numbers (3.30782E+11). A formula, for spreadsheets only; .xlsx output keeps the codes without it.",
        Recursive = true,
    };

    /// <summary>
    /// <c>--no-name-inference</c>, on every command: a village without a committee column stays unknown, instead of
    /// taking its kind from an official name ending 村委会 or 居委会.
    /// </summary>
    public static Option<bool> NoNameInference => new("--no-name-inference")
    {
        Description = "Do not read a village's committee kind from its official name (…村委会 villagers', …居委会 residents') when no committee column gives it.",
        Recursive = true,
    };

    /// <summary><c>--columns</c>, on every command: a JSON file naming the planner's own headers (<see cref="TaobaoVillage.Metrics.ColumnMap"/>).</summary>
    public static Option<string?> Columns => new("--columns")
    {
        Description = "A JSON file mapping your own column names to fields, beyond the built-in Chinese and English names: {\"户籍人口户数\": \"households\", \"销售（万）\": \"年销售额(万元)\"}.",
        Recursive = true,
    };

    /// <summary><c>--lang</c>, on every command: the language for people (en, zh-CN); machine formats stay English.</summary>
    public static Option<string?> Lang => new("--lang")
    {
        Description = "The language of tables, summaries and verdict words: en or zh-CN (default: Chinese on a Chinese system, else English). JSON Lines and CSV stay in English.",
        Recursive = true,
    };

    /// <summary><c>--sheet</c>, on every command: the sheet of an .xlsx input to read; the first by default.</summary>
    public static Option<string?> Sheet => new("--sheet")
    {
        Description = "The sheet of an .xlsx input to read (by name); the first by default.",
        Recursive = true,
    };

    /// <summary><c>--header-row</c>, on every command: the row of an .xlsx input that names the columns; found by default.</summary>
    public static Option<int?> HeaderRow => CreateHeaderRow();

    private static Option<int?> CreateHeaderRow()
    {
        var option = new Option<int?>("--header-row")
        {
            Description = "The row of an .xlsx input that names the columns (1 for the first); rows above it are skipped. By default the first of the top 20 rows that names a village-code column.",
            Recursive = true,
        };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is < 1 or > 1_048_576)
            {
                result.AddError($"--header-row: '{(result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty)}' is not a row of a sheet; give 1 to 1,048,576.");
            }
        });
        return option;
    }

    /// <summary><c>--bom</c>, on every command: output files in UTF-8 start with a byte-order mark, as Excel expects.</summary>
    public static Option<bool> Bom => new("--bom")
    {
        Description = "Start output files with a UTF-8 byte-order mark, so that Excel recognises UTF-8.",
        Recursive = true,
    };

    /// <summary><c>--output-encoding</c>, on every command: utf-8 (default) or gb18030 for output files.</summary>
    public static Option<string> OutputEncoding => CreateOutputEncoding();

    private static Option<string> CreateOutputEncoding()
    {
        var option = new Option<string>("--output-encoding")
        {
            Description = "Encoding of output files: utf-8 (default) or gb18030 (Excel and WPS on a Chinese Windows).",
            DefaultValueFactory = _ => "utf-8",
            Recursive = true,
        };
        option.AcceptOnlyFromAmong("utf-8", "gb18030");
        return option;
    }

    /// <summary>The CSV output options the command line asks for.</summary>
    /// <param name="parse">The parsed command line.</param>
    /// <returns>The options.</returns>
    public static CsvOutputOptions CsvOutput(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        return CsvOutputOptions.Default with { NeutraliseFormulas = !parse.GetValue<bool>(RawCells.Name), CodesAsText = parse.GetValue<bool>(CodesAsText.Name) };
    }

    /// <summary><c>--encoding</c>: utf-8 or gb18030.</summary>
    /// <returns>The option.</returns>
    public static Option<string?> Encoding() => new("--encoding") { Description = "CSV encoding: utf-8 (default, with or without BOM) or gb18030." };
}
