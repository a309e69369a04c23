using System.Numerics;
using System.Text.RegularExpressions;

namespace TaobaoVillage.Domain;

/// <summary>What <see cref="ExactDecimal.Parse"/> made of a text.</summary>
public enum ExactDecimalResult
{
    /// <summary>The number, exactly.</summary>
    Exact,

    /// <summary>Not a decimal number at all.</summary>
    NotANumber,

    /// <summary>A number beyond ±79,228,162,514,264,337,593,543,950,335.</summary>
    OutOfRange,

    /// <summary>A number with more digits than a decimal holds (over 28 decimal places, or too many significant digits): it would be rounded.</summary>
    Inexact,
}
