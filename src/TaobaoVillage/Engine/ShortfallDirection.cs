namespace TaobaoVillage.Engine;

/// <summary>Which way a failing figure must move for its criterion to pass.</summary>
public enum ShortfallDirection
{
    /// <summary>Up: the figure must grow by the amount (at least, greater than, or equal to when it is under).</summary>
    More,

    /// <summary>Down: the figure must shrink by the amount (at most, less than, or equal to when it is over).</summary>
    Less,
}
