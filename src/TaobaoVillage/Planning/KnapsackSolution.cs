namespace TaobaoVillage.Planning;

/// <summary>A solved multiple-choice knapsack.</summary>
/// <param name="Value">The value of the options chosen.</param>
/// <param name="Choices">The option chosen per township, by index.</param>
/// <param name="UpperBound">No choice within the capacity has more value than this.</param>
/// <param name="IsExact">Whether the choice is the best (value, then effort): solved by the exact programme.</param>
internal sealed record KnapsackSolution(int Value, int[] Choices, int UpperBound, bool IsExact);
