namespace TaobaoVillage.AwardPolicy;

/// <summary>A county on the list the office supplies, whose new Taobao Villages earn a bonus.</summary>
internal sealed class BonusCounty(string name)
{
    public string Name { get; } = name;
}
