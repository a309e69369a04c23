using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using TaobaoVillage.Domain;

namespace TaobaoVillage.Tests;

// The verdict lines' numbers: whole amounts take a shortcut (issue 12) that must print what decimal prints.
public class Utf8JsonTests
{
    private static string Number(decimal value) => Encoding.UTF8.GetString(Utf8Json.ForThread().Number(value).Written);

    [Theory]
    [InlineData("0")]
    [InlineData("-0")]
    [InlineData("0.0")]
    [InlineData("10000000")]
    [InlineData("10000000.00")]
    [InlineData("-42")]
    [InlineData("9223372036854775807")]
    [InlineData("9223372036854775808")]
    [InlineData("-9223372036854775808")]
    [InlineData("-9223372036854775809")]
    [InlineData("79228162514264337593543950335")]
    [InlineData("0.0000000000000000000000000001")]
    [InlineData("0.045130")]
    [InlineData("-0.5")]
    [InlineData("0.5")]
    [InlineData("12.5")]
    [InlineData("-12.50")]
    [InlineData("1.000000")]
    [InlineData("9223372036854775.807")]
    [InlineData("9223372036854775.808")]
    [InlineData("0.9223372036854775807")]
    [InlineData("1844674407370955.1615")]
    [InlineData("123456789.123456789")]
    public void Number_Decimal_AsDecimalPrintsIt(string text)
    {
        var value = decimal.Parse(text, CultureInfo.InvariantCulture);
        Assert.Equal(value.ToString(CultureInfo.InvariantCulture), Number(value));
    }

    // Zero with and without the sign bit, at several scales: the digits path must not print "-0" or drop the places.
    [Theory]
    [InlineData(false, 0)]
    [InlineData(false, 3)]
    [InlineData(false, 28)]
    [InlineData(true, 0)]
    [InlineData(true, 1)]
    [InlineData(true, 2)]
    [InlineData(true, 28)]
    public void Number_Zero_AsDecimalPrintsIt(bool negative, byte scale)
    {
        var zero = new decimal(0, 0, 0, negative, scale);
        Assert.Equal(zero.ToString(CultureInfo.InvariantCulture), Number(zero));
    }

    private static readonly Gen<decimal> AnyDecimal =
        from lo in Gen.Choose(int.MinValue, int.MaxValue)
        from mid in Gen.Elements(0, 0, 1, -1, int.MaxValue, int.MinValue)
        from hi in Gen.Elements(0, 0, 0, 1, -1)
        from small in Gen.Elements(false, false, true)
        from negative in Gen.Elements(true, false)
        from scale in Gen.Elements<byte>(0, 0, 0, 1, 2, 6, 18, 28)
        select new decimal(small ? lo % 1000 : lo, mid, hi, negative, scale);

    [Property(MaxTest = 1000)]
    public Property Number_AnyDecimal_AsDecimalPrintsIt() => Prop.ForAll(
        Arb.From(AnyDecimal),
        value => Number(value) == value.ToString(CultureInfo.InvariantCulture));

    [Fact]
    public void ForThread_AfterAHugeLine_EmptyAndSmallAgain()
    {
        var w = Utf8Json.ForThread().String(new string('x', 100_000));
        Assert.Equal(100_002, w.Written.Length);
        Assert.Equal(0, Utf8Json.ForThread().Written.Length);
        Assert.Equal("\"a\"", Encoding.UTF8.GetString(Utf8Json.ForThread().String("a").Written));
    }
}
