namespace TaobaoVillage.Batch;

/// <summary>A village near to qualifying, as <see cref="Planning.NearMissRanking"/> ranks it.</summary>
/// <param name="Row">The scored row.</param>
/// <param name="Score">Its readiness score, 0–100 (<see cref="Engine.Readiness.ScoreOf"/>).</param>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record NearMiss(ScoredRow Row, int Score);
