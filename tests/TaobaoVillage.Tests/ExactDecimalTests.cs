using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using TaobaoVillage.Batch;
using TaobaoVillage.Csv;
using TaobaoVillage.Domain;
using TaobaoVillage.Engine;
using TaobaoVillage.IO;

namespace TaobaoVillage.Tests;

public class ExactDecimalTests
{
    // From the Domain mutants Stryker found surviving (issue 15).
    [Theory]
    [InlineData("1e5x", ExactDecimalResult.NotANumber)]
    [InlineData("1e99999999999999999999", ExactDecimalResult.OutOfRange)]
    [InlineData("1e-99999999999999999999", ExactDecimalResult.Inexact)]
    [InlineData("79228162514264337593543950.336", ExactDecimalResult.Inexact)]
    [InlineData("79228162514264337593543950336", ExactDecimalResult.OutOfRange)]
    public void Parse_EdgeOfTheGrammarAndTheRange_Result(string text, ExactDecimalResult expected) =>
        Assert.Equal(expected, ExactDecimal.Parse(text, out _));

    [Theory]
    [InlineData("8,000,000", "8000000")]
    [InlineData("１２，３４５．６", "12345.6")]
    [InlineData("-1,234.5", "-1234.5")]
    [InlineData("0.1", "0.1")]
    public void ParseGrouped_ThousandsInGroupsOfThree_Read(string text, string expected)
    {
        Assert.Equal(ExactDecimalResult.Exact, ExactDecimal.ParseGrouped(text, out var value));
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), value);
    }

    [Theory]
    [InlineData("0,1")]
    [InlineData("8,00")]
    [InlineData("1,5")]
    [InlineData("1,0000")]
    public void ParseGrouped_DecimalComma_NotANumber(string text) =>
        Assert.Equal(ExactDecimalResult.NotANumber, ExactDecimal.ParseGrouped(text, out _));

    [Theory]
    [InlineData("8000000", "8000000")]
    [InlineData("800万", "8000000")]
    [InlineData("800 万元", "8000000")]
    [InlineData("0.08亿", "8000000")]
    [InlineData("0.08亿元", "8000000")]
    [InlineData("8,000,000元", "8000000")]
    public void ParseYuan_UnitSuffix_AmountInYuan(string text, string expected)
    {
        Assert.Equal(ExactDecimalResult.Exact, MoneyUnit.ParseYuan(text, out var yuan));
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), yuan);
    }

    [Theory]
    [InlineData("8,00万", ExactDecimalResult.NotANumber)]
    [InlineData("万", ExactDecimalResult.NotANumber)]
    [InlineData("79228162514264337593543950335亿", ExactDecimalResult.OutOfRange)]
    public void ParseYuan_BadAmount_Refused(string text, ExactDecimalResult expected) =>
        Assert.Equal(expected, MoneyUnit.ParseYuan(text, out _));

    // Up to 19 digits are read without a big integer (issue 12); past that, with one. Both sides of the switch.
    [Theory]
    [InlineData("9999999999999999999")]
    [InlineData("-9999999999999999999")]
    [InlineData("10000000000000000000")]
    [InlineData("18446744073709551615")]
    [InlineData("18446744073709551616")]
    [InlineData("12e17")]
    [InlineData("12e18")]
    [InlineData("1e18")]
    [InlineData("1e19")]
    [InlineData("0.9999999999999999999")]
    [InlineData("0.99999999999999999999")]
    [InlineData("-1234567890.123456789")]
    [InlineData("1234567890123456789e-28")]
    public void Parse_EitherSideOfNineteenDigits_AsDecimalParsesIt(string text)
    {
        Assert.Equal(ExactDecimalResult.Exact, ExactDecimal.Parse(text, out var value));
        var expected = decimal.Parse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(expected, value);
        Assert.Equal(expected.ToString(System.Globalization.CultureInfo.InvariantCulture).TrimEnd('0').TrimEnd('.'), value.ToString(System.Globalization.CultureInfo.InvariantCulture).TrimEnd('0').TrimEnd('.'));
    }

    [Fact]
    public void Parse_TrailingZerosPastTwentyEightPlaces_ExactOne()
    {
        Assert.Equal(ExactDecimalResult.Exact, ExactDecimal.Parse("1." + new string('0', 29), out var value));
        Assert.Equal(1m, value);
    }

    [Fact]
    public void Parse_TwoHundredSignificantDigits_InexactNotAnException() =>
        Assert.Equal(ExactDecimalResult.Inexact, ExactDecimal.Parse("0." + new string('1', 200), out _));

    [Theory]
    [InlineData("0", "0")]
    [InlineData("-0", "0")]
    [InlineData("10000000", "10000000")]
    [InlineData("9999999.99", "9999999.99")]
    [InlineData(" 1.50 ", "1.50")]
    [InlineData("1e3", "1000")]
    [InlineData("1.5E-2", "0.015")]
    [InlineData("0.0000000000000000000000000001", "0.0000000000000000000000000001")]
    [InlineData("79228162514264337593543950335", "79228162514264337593543950335")]
    [InlineData("-79228162514264337593543950335", "-79228162514264337593543950335")]
    [InlineData("0e400", "0")]
    public void Parse_Representable_Exact(string text, string expected)
    {
        Assert.Equal(ExactDecimalResult.Exact, ExactDecimal.Parse(text, out var value));
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), value);
    }

    [Theory]
    [InlineData("99.99999999999999999999999999999", ExactDecimalResult.Inexact)]
    [InlineData("9999999.999999999999999999999999", ExactDecimalResult.Inexact)]
    [InlineData("1e-29", ExactDecimalResult.Inexact)]
    [InlineData("1e-400", ExactDecimalResult.Inexact)]
    [InlineData("0.00000000000000000000000000001", ExactDecimalResult.Inexact)]
    [InlineData("79228162514264337593543950336", ExactDecimalResult.OutOfRange)]
    [InlineData("1e400", ExactDecimalResult.OutOfRange)]
    [InlineData("1e29", ExactDecimalResult.OutOfRange)]
    [InlineData("", ExactDecimalResult.NotANumber)]
    [InlineData("-", ExactDecimalResult.NotANumber)]
    [InlineData("1e", ExactDecimalResult.NotANumber)]
    [InlineData("NaN", ExactDecimalResult.NotANumber)]
    [InlineData("1,000", ExactDecimalResult.NotANumber)]
    [InlineData("1.2.3", ExactDecimalResult.NotANumber)]
    [InlineData("0x10", ExactDecimalResult.NotANumber)]
    public void Parse_NotExactlyADecimal_SaysWhy(string text, ExactDecimalResult expected) =>
        Assert.Equal(expected, ExactDecimal.Parse(text, out _));

    [Property(MaxTest = 1000)]
    public Property Parse_AnyDecimalsInvariantText_RoundTripsExactly() => Prop.ForAll(
        Arb.From(from lo in Gen.Choose(int.MinValue, int.MaxValue)
                 from mid in Gen.Choose(int.MinValue, int.MaxValue)
                 from hi in Gen.Frequency((1, Gen.Choose(int.MinValue, int.MaxValue)), (3, Gen.Choose(0, 10)))
                 from negative in Gen.Elements(true, false)
                 from scale in Gen.Choose(0, 28)
                 select new decimal(lo, mid, hi, negative, (byte)scale)),
        d => ExactDecimal.Parse(d.ToString(System.Globalization.CultureInfo.InvariantCulture), out var back) == ExactDecimalResult.Exact && back == d);

    [Property(MaxTest = 500)]
    public Property Parse_OneMoreDigitThanDecimalHolds_NeverRounded() => Prop.ForAll(
        Arb.From(Gen.Choose(1, 9)),
        digit =>
        {
            // 28 decimal places are the most; decimal.Parse rounds a 29th digit to 0 or 1e-28, this parser refuses it.
            var text = "0." + new string('0', 28) + digit.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var rounded = decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
            return ExactDecimal.Parse(text, out _) == ExactDecimalResult.Inexact && (rounded == 0m || rounded == 0.0000000000000000000000000001m);
        });

    [Theory]
    [InlineData("active_shops", "99.99999999999999999999999999999")]
    [InlineData("annual_sales_cny", "9999999.999999999999999999999999")]
    public void Read_CsvAndJsonFigureBeyondDecimalPrecision_RejectedInexactNeverRoundedIntoAPass(string field, string value)
    {
        var csv = CsvRecordReader.Read(new StringReader($"village_code,committee,households,active_shops,annual_sales_cny\n1,village,400,100,10000000\n2,village,400,100,10000000\n".Replace("\n2,village,400,100,10000000", $"\n2,{Row(field, value)}", StringComparison.Ordinal))).ToList();
        var jsonl = JsonRecordReader.ReadJsonLines(new StringReader($"{{\"village_code\":\"2\",\"committee\":\"village\",\"households\":400,\"active_shops\":{(field == "active_shops" ? value : "100")},\"annual_sales_cny\":{(field == "annual_sales_cny" ? value : "10000000")}}}\n")).ToList();
        var array = JsonRecordReader.ReadJsonArray(new StringReader($"[\n  {{\"village_code\":\"2\",\"committee\":\"village\",\"households\":400,\"active_shops\":{(field == "active_shops" ? value : "100")},\"annual_sales_cny\":{(field == "annual_sales_cny" ? value : "10000000")}}}\n]")).ToList();

        foreach (var row in new[] { csv[1], jsonl.Single(), array.Single() })
        {
            var problem = Assert.Single(row.Parsed.Problems);
            Assert.Equal((field, RecordProblemCodes.Inexact), (problem.Field, problem.Code));
            Assert.Equal(Eligibility.Invalid, new BatchScorer(BuiltInRuleSets.AliResearch).Score([row]).Single().Status);
        }

        Assert.True(csv[0].Parsed.IsValid);
    }

    [Fact]
    public void Read_JsonNumbersAsWritten_ExactValues()
    {
        var line = "{\"village_code\":\"1\",\"annual_sales_cny\":9999999.99,\"households\":1e2,\"active_shops\":10}";

        foreach (var row in new[] { JsonRecordReader.ReadJsonLines(new StringReader(line)).Single(), JsonRecordReader.ReadJsonArray(new StringReader("[" + line + "]")).Single() })
        {
            Assert.True(row.Parsed.IsValid, string.Join("; ", row.Parsed.Problems));
            Assert.Equal(9_999_999.99m, row.Parsed.Record!.AnnualSales!.Value.Yuan);
            Assert.Equal(100, row.Parsed.Record.Households);
        }
    }

    private static string Row(string field, string value) => field == "active_shops" ? $"village,400,{value},10000000" : $"village,400,100,{value}";
}

public class RecordSchemaDuplicateTests
{
    [Theory]
    [InlineData("village_code,households,households", "households")]
    [InlineData("village_code,households,Households", "households")]
    [InlineData("village_code,ecommerce_households,ecommerceHouseholds", "ecommerce_households")]
    [InlineData("village_code,note,NOTE", "note")]
    public void Read_CsvHeaderNamesAFieldTwice_EveryRowRejectedNamingTheColumn(string header, string field)
    {
        var rows = CsvRecordReader.Read(new StringReader(header + "\n1,400,300\n2,400,300\n")).ToList();

        Assert.Equal(2, rows.Count);
        Assert.All(rows, r =>
        {
            var problem = Assert.Single(r.Parsed.Problems);
            Assert.Equal((field, RecordProblemCodes.DuplicateField), (problem.Field, problem.Code));
            Assert.Contains("column", problem.Message, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Read_JsonRecordWithAKeyTwice_ThatRecordRejectedOthersRead()
    {
        var rows = JsonRecordReader.ReadJsonLines(new StringReader("{\"village_code\":\"1\",\"households\":400,\"households\":4}\n{\"village_code\":\"2\",\"households\":400}\n")).ToList();

        Assert.Equal(RecordProblemCodes.DuplicateField, Assert.Single(rows[0].Parsed.Problems).Code);
        Assert.True(rows[1].Parsed.IsValid);
    }
}

public class JsonArrayLimitTests
{
    [Fact]
    public void ReadJsonArray_OneElementNestedTooDeep_OnlyThatElementRejected()
    {
        var deep = new string('[', 1000) + new string(']', 1000);
        var text = $"[{{\"village_code\":\"1\"}},{{\"village_code\":\"2\",\"x\":{deep}}},{{\"village_code\":\"3\"}},{{\"village_code\":\"4\"}}]";

        var rows = JsonRecordReader.ReadJsonArray(new StringReader(text)).ToList();

        Assert.Equal(["1", "2", "3", "4"], rows.Select(r => r.Parsed.Key));
        Assert.Equal([true, false, true, true], rows.Select(r => r.Parsed.IsValid));
        Assert.Contains("nested", rows[1].Parsed.Problems.Single().Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadJsonArray_HugeString_RejectedWithinTheLimitNotBufferedWhole()
    {
        // 64 MiB of string: read whole, it would cost hundreds of megabytes; the element budget stops it early.
        var text = new HugeStringReader("[{\"village_code\":\"1\"},{\"village_code\":\"2\",\"village_name\":\"", 64 << 20, "\"}]");
        var before = GC.GetAllocatedBytesForCurrentThread();

        var rows = JsonRecordReader.ReadJsonArray(text).ToList();

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(2, rows.Count);
        Assert.True(rows[0].Parsed.IsValid);
        Assert.Equal(RecordProblemCodes.TooLong, rows[1].Parsed.Problems.Single().Code);
        Assert.True(allocated < 64L << 20, $"allocated {allocated:N0} bytes");
    }

    /// <summary>A prefix, a long run of 'x', a suffix, generated as read.</summary>
    private sealed class HugeStringReader(string prefix, long length, string suffix) : TextReader
    {
        private long _position;

        public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

        public override int Read(Span<char> buffer)
        {
            var n = 0;
            while (n < buffer.Length && _position < prefix.Length + length + suffix.Length)
            {
                buffer[n++] = _position < prefix.Length ? prefix[(int)_position]
                    : _position < prefix.Length + length ? 'x'
                    : suffix[(int)(_position - prefix.Length - length)];
                _position++;
            }

            return n;
        }

        public override int Read()
        {
            Span<char> one = stackalloc char[1];
            return Read(one) == 0 ? -1 : one[0];
        }

        public override int Peek() => -1;
    }
}
