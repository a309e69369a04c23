using System.Collections.Frozen;
using System.Globalization;

namespace TaobaoVillage.Domain;

/// <summary>
/// Every record problem's sentence, keyed by its code or <c>code/detail</c>, in English and Simplified Chinese side
/// by side so the two give the same facts. <c>{field}</c> and <c>{value}</c> are the problem's own; the other
/// placeholders are filled from <see cref="RecordProblem.Arguments"/>.
/// </summary>
internal static class RecordProblemTemplates
{
    private const string Whole = "{field} 应为零或正整数（“{value}”）。";

    private const string Amount = "{field} 应为零或以上、能精确表示的金额（“{value}”）。";

    private const string Encoding = "含有不符合文件编码的字节（文件应为 UTF-8；另行指定时为 GB18030）。";

    public static readonly FrozenDictionary<string, (string English, string Chinese)> All = new Dictionary<string, (string, string)>(StringComparer.Ordinal)
    {
        // Fields and their values.
        ["missing-village-code"] = ("The village code is required.", "缺少村代码。"),
        ["missing-township"] = ("A township row needs township_code or township.", "乡镇行需要乡镇代码（township_code）或乡镇名称（township）。"),
        ["not-a-number"] = ("Not a number.", "“{value}”不是数字。"),
        ["not-a-number/year"] = ("The year is not a number.", "年份“{value}”不是数字。"),
        ["not-a-number/whole"] = ("Expected a whole number of zero or more.", Whole),
        ["negative"] = ("Must not be negative.", "{field} 不能为负数（“{value}”）。"),
        ["negative/whole"] = ("Expected a whole number of zero or more.", Whole),
        ["not-whole"] = ("Must be a whole number.", "{field} 应为整数（“{value}”）。"),
        ["not-a-number/amount"] = ("Expected an amount of zero or more, held exactly.", Amount),
        ["negative/amount"] = ("Expected an amount of zero or more, held exactly.", Amount),
        ["inexact/amount"] = ("Expected an amount of zero or more, held exactly.", Amount),
        ["out-of-range/amount"] = ("Expected an amount of zero or more, held exactly.", Amount),
        ["out-of-range"] = ("The number is beyond the range of a decimal.", "“{value}”超出了 {field} 的允许范围。"),
        ["out-of-range/yuan"] = ("The amount is too large to hold in yuan.", "金额“{value}”过大，无法以元为单位保存。"),
        ["out-of-range/between"] = ("Must be between {min} and {max}.", "{field} 应在 {min} 到 {max} 之间（“{value}”）。"),
        ["out-of-range/township-sum"] = ("The villages' {field} add up to more than can be held ({limit}); the township is not decided.", "各村的 {field} 合计超过可保存的上限（{limit}），该乡镇未评定。"),
        ["out-of-range/year"] = ("No rule set covers the year {value}: the first ({rule-set}) starts in {from}. Name a rule set to judge it anyway.", "没有规则集适用于 {value} 年：最早的规则集（{rule-set}）从 {from} 年起适用。如仍要评定，请指定规则集。"),
        ["inexact"] = ("The number has more digits than can be held exactly (at most 28 decimal places); it is not rounded.", "“{value}”的位数超过能精确保存的范围（最多 28 位小数），不会为了达标而四舍五入。"),
        ["inexact/double"] = ("The DOUBLE {value} is a binary fraction, not the decimal it was written from; write the column as DECIMAL or text.", "DOUBLE 值 {value} 是二进制小数，不是原来写下的十进制数；请把该列存为 DECIMAL 或文本。"),
        ["inexact/number-code"] = ("Cell {cell} holds the code as the number {value}, which is not a whole number of at most {digits} digits without a leading zero: Excel keeps only 15 digits of a number, so the code may have lost some. Store codes as text.", "单元格 {cell} 把代码存成了数字 {value}，它不是不超过 {digits} 位、无前导零的整数：Excel 的数字只保留 15 位，代码可能已丢失部分数字。请把代码存为文本。"),
        ["zero-households"] = ("Households must be greater than zero.", "户数为零，无法计算占户数的比例。"),
        ["engaged-exceeds-households"] = ("{description} ({value}) exceed households ({total}).", "{field}（{value}）多于全村户数（{total}）。"),
        ["unknown-platform"] = ("Unknown platform; expected taobao, tmall, 1688, xianyu, jd, pinduoduo, douyin, kuaishou or other.", "无法识别的电商平台“{value}”；应为 taobao、tmall、1688、xianyu、jd、pinduoduo、douyin、kuaishou 或 other。"),
        ["unknown-platform/undefined"] = ("The value {value} is not a defined {description}.", "{value} 不是已定义的{field}取值。"),
        ["unknown-committee/undefined"] = ("The value {value} is not a defined {description}.", "{value} 不是已定义的{field}取值。"),
        ["unknown-committee"] = ("The committee must be 'village' (村委会) or 'residents' (居委会).", "村（居）委会类型应为“村委会”（village）或“居委会”（residents），而不是“{value}”。"),
        ["unknown-township-kind"] = ("The kind is 'township', 'subdistrict' or 'other'.", "乡镇类型应为“township”（乡镇）、“subdistrict”（街道）或“other”，而不是“{value}”。"),
        ["total-row"] = ("'{value}' is a total row, not a village; it is set aside.", "“{value}”是合计行，不是村，不参与评定。"),
        ["total-row/sums"] = ("'{value}' is a total row, not a village; it is set aside; its figures equal the sums of the rows above it.", "“{value}”是合计行，不是村，不参与评定；其各项数字等于上方各行之和。"),

        // Rows seen twice.
        ["duplicate-village"] = ("The village code appears earlier in the input for the same year ({year}); only the first is scored.", "村代码 {value} 在同一年份（{year}）已出现过，只评定第一行。"),
        ["duplicate-village/no-year"] = ("The village code appears earlier in the input for the same year (no year); only the first is scored.", "村代码 {value} 已出现过（均未写年份），只评定第一行。"),
        ["duplicate-village/list"] = ("The list names {place} for {year} again (first at line {first}); it is counted once.", "名单第二次列出 {year} 年的 {place}（第一次在第 {first} 行），只计一次。"),
        ["duplicate-township"] = ("The township {value} is given again for {year} (first at line {first}); which figures count cannot be told, so only the first is read.", "乡镇 {value} 的 {year} 年数据又出现一次（第一次在第 {first} 行），无法判断以哪一行为准，只读取第一行。"),
        ["duplicate-township/no-year"] = ("The township {value} is given again for no year (first at line {first}); which figures count cannot be told, so only the first is read.", "乡镇 {value} 的数据（未写年份）又出现一次（第一次在第 {first} 行），无法判断以哪一行为准，只读取第一行。"),

        // Headers.
        ["duplicate-field"] = ("The column '{column}' appears twice (columns {first} and {second}); which value counts cannot be told.", "列“{column}”出现了两次（第 {first} 列和第 {second} 列），无法判断以哪一列为准。"),
        ["duplicate-field/aliases"] = ("The columns '{column}' (column {first}) and '{other}' (column {second}) both give {field}; which value counts cannot be told.", "列“{column}”（第 {first} 列）和列“{other}”（第 {second} 列）都表示 {field}，无法判断以哪一列为准。"),
        ["two-units"] = ("The column '{value}' names a unit twice: '{unit}' after a name that already gives {target} in its own unit; write one unit per header.", "列名“{value}”含有两个单位：已给出 {target} 单位的列名后又写了“{unit}”，无法确定按哪个单位读取 {field}；每个列名只能写一个单位。"),
        ["wrong-cell-count"] = ("The row has {value} cells; the header has {width}.", "本行有 {value} 个单元格，表头有 {width} 列。"),

        // Lines, cells and files past their limits or unreadable.
        ["too-long/line"] = ("The line is longer than {limit} characters; it is not read.", "该行超过 {limit} 个字符，未读取。"),
        ["too-long/line-length"] = ("The line is {length} characters long; the limit is {limit}.", "该行长 {length} 个字符，超过上限 {limit}。"),
        ["too-long/cell"] = ("The cell is {length} characters long; the limit is {limit}.", "单元格长 {length} 个字符，超过上限 {limit}。"),
        ["too-long/cells"] = ("The line has {count} cells; the limit is {limit}.", "该行有 {count} 个单元格，超过上限 {limit}。"),
        ["too-long/header"] = ("The header has {count} columns; the limit is {limit}; the row is not read.", "表头有 {count} 列，超过上限 {limit}；该行未读取。"),
        ["too-long/element"] = ("An element is longer than {limit} characters; the rest of the file is not read.", "某个数组元素超过 {limit} 个字符；文件其余部分未读取。"),
        ["too-long/row"] = ("Row {row} holds more than {limit} characters, the limit of a row; it is not read.", "第 {row} 行超过每行 {limit} 个字符的上限，未读取。"),
        ["too-long/sheet-cell"] = ("Cell {cell} is longer than {limit} characters, the limit; it is not read.", "单元格 {cell} 超过 {limit} 个字符的上限，未读取。"),
        ["too-long/rest"] = ("The rest of the file cannot be read: {reason}", "文件其余部分无法读取：{reason}"),
        ["bad-encoding"] = ("The cell holds bytes that are not valid in the file's encoding (UTF-8 unless GB18030 was asked for).", Encoding),
        ["bad-encoding/rest"] = ("The rest of the file cannot be read: {reason}", "文件其余部分含有不符合文件编码的字节，无法读取：{reason}"),
        ["bad-encoding/utf-16"] = ("The file looks like UTF-16 without a byte-order mark (every other byte is zero); save it as UTF-8 or GB18030 (CSV UTF-8 in Excel), then read it again.", "文件看起来是没有字节顺序标记的 UTF-16（每隔一个字节为零）；请另存为 UTF-8 或 GB18030（Excel 中选“CSV UTF-8”）后再读取。"),

        // Rows that are not well-formed.
        ["malformed"] = ("The row cannot be read.", "本行格式有误，无法读取。"),
        ["malformed/reason"] = ("{reason}", "本行格式有误，无法读取：{reason}"),
        ["malformed/quote"] = ("The line is not valid CSV (a stray or unclosed quote).", "该行不是有效的 CSV（有多余或未闭合的引号）。"),
        ["malformed/line-break-in-quotes"] = ("The line is not valid CSV (a quoted cell is not closed on its line).", "该行不是有效的 CSV（带引号的单元格未在本行闭合）。"),
        ["malformed/stray-quote"] = ("The line is not valid CSV (a quote inside an unquoted cell).", "该行不是有效的 CSV（未加引号的单元格中有引号）。"),
        ["malformed/unterminated-quote"] = ("The line is not valid CSV (a quoted cell is never closed).", "该行不是有效的 CSV（带引号的单元格始终未闭合）。"),
        ["malformed/csv"] = ("The line is not valid CSV ({reason}).", "该行不是有效的 CSV（{reason}）。"),
        ["malformed/list-row"] = ("The list row has no {field}.", "名单中的这一行没有 {field}。"),
        ["malformed/json-row"] = ("A JSON Lines row is one JSON object.", "JSON Lines 的每一行应为一个 JSON 对象。"),
        ["malformed/after-object"] = ("Unexpected content after the object.", "对象之后还有多余的内容。"),
        ["malformed/after-array"] = ("Unexpected content after the array.", "数组之后还有多余的内容。"),
        ["malformed/not-an-object"] = ("An array element is a {token}, not an object.", "数组元素是 {token}，不是对象。"),
        ["malformed/no-array"] = ("The file holds no JSON array.", "文件中没有 JSON 数组。"),
        ["malformed/array-truncated"] = ("The file ends inside the array: it is truncated.", "文件在数组中途结束：内容不完整。"),
        ["malformed/array-of-objects"] = ("A JSON records file is an array of objects.", "JSON 记录文件应为对象数组。"),
        ["malformed/json"] = ("Malformed JSON: {reason}", "JSON 格式有误：{reason}"),
        ["malformed/json-rest"] = ("Malformed JSON; the rest of the file is not read: {reason}", "JSON 格式有误，文件其余部分未读取：{reason}"),
        ["malformed/not-closed"] = ("The object is not closed: the text is truncated.", "对象未闭合：文本不完整。"),
        ["malformed/sheet-rest"] = ("The rest of the sheet cannot be read after row {row}: {reason}", "第 {row} 行之后的工作表内容无法读取：{reason}"),
        ["malformed/row-past-last"] = ("The row after row {limit} has no row number; it would be past the last row ({limit}).", "第 {limit} 行之后的行没有行号，将超出最后一行（{limit}）。"),
        ["malformed/row-number"] = ("The row after row {row} has the row number '{number}', which is not a row number (1 to {limit}).", "第 {row} 行之后的行的行号为“{number}”，不是有效的行号（1 到 {limit}）。"),
        ["malformed/rows-out-of-order"] = ("Row {row} comes after row {previous}: the sheet's rows are out of order.", "第 {row} 行排在第 {previous} 行之后：工作表的行顺序有误。"),
        ["malformed/beyond-xfd"] = ("Row {row} has a cell '{cell}' beyond column XFD.", "第 {row} 行的单元格“{cell}”超出了 XFD 列。"),
        ["malformed/cell-twice"] = ("Row {row} gives cell {cell} twice.", "第 {row} 行两次给出单元格 {cell}。"),
        ["malformed/shared-string"] = ("Cell {cell} names shared string '{index}', which the workbook does not have ({count} strings).", "单元格 {cell} 引用了共享字符串“{index}”，但工作簿中没有（共 {count} 个字符串）。"),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The key of a problem's sentence: <c>code/detail</c>, or the code alone.</summary>
    public static string Key(string code, string? detail) => detail is null ? code : code + "/" + detail;

}
