namespace TaobaoVillage.Rules;

/// <summary>Thrown when a rule set is built or loaded with problems; <see cref="Problems"/> lists every one.</summary>
public sealed class RuleSetException : Exception
{
    /// <summary>Creates the exception.</summary>
    public RuleSetException()
        : this([])
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public RuleSetException(string message)
        : base(message) => Problems = [];

    /// <summary>Creates the exception with a message and inner exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public RuleSetException(string message, Exception innerException)
        : base(message, innerException) => Problems = [];

    /// <summary>Creates the exception from problems.</summary>
    /// <param name="problems">Every problem found.</param>
    public RuleSetException(IReadOnlyList<RuleProblem> problems)
        : base(Describe(problems)) => Problems = problems;

    /// <summary>Every problem found.</summary>
    public IReadOnlyList<RuleProblem> Problems { get; }

    private static string Describe(IReadOnlyList<RuleProblem> problems) => problems is null || problems.Count == 0
        ? "The rule set is invalid."
        : $"The rule set has {problems.Count} problem(s):" + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => "  " + p));
}
