namespace MlMentorBot.Tests.Knowledge;

/// <summary>
/// Guards the knowledge content against losing facts from the two seed articles (Unite.AI's
/// "What is a Machine Learning Engineer? Salary &amp; Responsibilities" and the untitled roadmap article).
/// Every figure and name the seeds give must still appear somewhere in knowledge/*.md.
/// </summary>
public sealed class SeedCoverageTests
{
    private static readonly Lazy<string> KnowledgeText = new(LoadKnowledgeText);

    [Theory]
    // Salary figures, their year and source.
    [InlineData("118,000")]
    [InlineData("70,000")]
    [InlineData("90,000")]
    [InlineData("120,000")]
    [InlineData("150,000")]
    [InlineData("160,000")]
    [InlineData("2023")]
    [InlineData("Glassdoor")]
    [InlineData("United States")]
    // Salary factors.
    [InlineData("location")]
    [InlineData("San Francisco")]
    [InlineData("New York")]
    [InlineData("finance")]
    [InlineData("healthcare")]
    [InlineData("autonomous systems")]
    [InlineData("company size")]
    [InlineData("experience")]
    // Sources.
    [InlineData("Unite.AI")]
    [InlineData("Daniel")]
    [InlineData("Unknown publisher")]
    // Certifications and bootcamps.
    [InlineData("Google's TensorFlow Developer Certificate")]
    [InlineData("Microsoft's Azure AI Engineer Associate")]
    [InlineData("AWS's Machine Learning Specialty")]
    [InlineData("Udacity's Machine Learning Nanodegree")]
    [InlineData("Springboard")]
    // Frameworks, libraries and visualization tools.
    [InlineData("TensorFlow")]
    [InlineData("PyTorch")]
    [InlineData("Scikit-learn")]
    [InlineData("Keras")]
    [InlineData("Matplotlib")]
    [InlineData("Seaborn")]
    [InlineData("Tableau")]
    // Communities, course platforms and blogs.
    [InlineData("GitHub")]
    [InlineData("Kaggle")]
    [InlineData("Stack Overflow")]
    [InlineData("Coursera")]
    [InlineData("edX")]
    [InlineData("YouTube")]
    [InlineData("Towards Data Science")]
    [InlineData("KDnuggets")]
    [InlineData("Medium")]
    [InlineData("LinkedIn")]
    [InlineData("Twitter")]
    [InlineData("online forums")]
    // The eight traits, as Unite.AI names them.
    [InlineData("Strong Analytical and Problem-Solving Skills")]
    [InlineData("Proficiency in Mathematics and Statistics")]
    [InlineData("Programming and Software Engineering Expertise")]
    [InlineData("Familiarity with Machine Learning Frameworks and Libraries")]
    [InlineData("Curiosity and Continuous Learning")]
    [InlineData("Adaptability and Flexibility")]
    [InlineData("Effective Communication and Collaboration")]
    [InlineData("Attention to Detail and Quality")]
    // Careers, roles and specialisations.
    [InlineData("AI manager")]
    [InlineData("head of machine learning")]
    [InlineData("natural language processing")]
    [InlineData("NLP")]
    [InlineData("computer vision")]
    [InlineData("data scientist")]
    [InlineData("AI engineer")]
    [InlineData("software engineer")]
    [InlineData("product teams")]
    // Programming languages.
    [InlineData("Python")]
    [InlineData("R")]
    [InlineData("Java")]
    [InlineData("SQL")]
    // Mathematics and statistics.
    [InlineData("linear algebra")]
    [InlineData("calculus")]
    [InlineData("probability")]
    [InlineData("optimization")]
    [InlineData("statistics")]
    // Algorithms and learning approaches.
    [InlineData("linear regression")]
    [InlineData("decision trees")]
    [InlineData("clustering")]
    [InlineData("supervised learning")]
    [InlineData("unsupervised learning")]
    [InlineData("reinforcement learning")]
    [InlineData("deep learning")]
    [InlineData("neural networks")]
    // Evaluation and tuning.
    [InlineData("accuracy")]
    [InlineData("precision")]
    [InlineData("recall")]
    [InlineData("cross-validation")]
    [InlineData("grid search")]
    [InlineData("hyperparameters")]
    // Data work.
    [InlineData("feature engineering")]
    [InlineData("data wrangling")]
    [InlineData("normalise")]
    [InlineData("visualization")]
    // Software engineering and deployment.
    [InlineData("version control")]
    [InlineData("testing")]
    [InlineData("code optimization")]
    [InlineData("cloud platforms")]
    [InlineData("containerization")]
    [InlineData("APIs")]
    // Education.
    [InlineData("bachelor's")]
    [InlineData("master's")]
    [InlineData("PhD")]
    [InlineData("computer science")]
    [InlineData("data science")]
    [InlineData("mathematics")]
    [InlineData("engineering")]
    [InlineData("research-focused")]
    // Practical experience, networking and staying current.
    [InlineData("image classifier")]
    [InlineData("recommendation system")]
    [InlineData("internships")]
    [InlineData("freelance")]
    [InlineData("portfolio")]
    [InlineData("mentors")]
    [InlineData("job referrals")]
    [InlineData("conferences")]
    [InlineData("workshops")]
    [InlineData("research papers")]
    [InlineData("thought leaders")]
    // Why the role matters (roadmap article's introduction).
    [InlineData("diagnose")]
    [InlineData("natural disasters")]
    public void Seed_fact_is_present_in_knowledge(string fact)
    {
        var text = KnowledgeText.Value;

        var found = Variants(fact).Any(variant => ContainsPhrase(text, variant));

        Assert.True(found, $"The seed fact \"{fact}\" does not appear in any knowledge/*.md file.");
    }

    /// <summary>A number like "118,000" may be written "118000" too.</summary>
    private static IEnumerable<string> Variants(string fact)
    {
        yield return fact;
        if (fact.Contains(',') && fact.All(c => char.IsDigit(c) || c == ','))
        {
            yield return fact.Replace(",", string.Empty, StringComparison.Ordinal);
        }
    }

    /// <summary>
    /// Case-insensitive match on word boundaries, so "R" only matches the language and
    /// "recall" does not match inside another word.
    /// </summary>
    private static bool ContainsPhrase(string text, string phrase)
    {
        var index = text.IndexOf(phrase, StringComparison.OrdinalIgnoreCase);
        while (index >= 0)
        {
            var end = index + phrase.Length;
            var startsWord = index == 0 || !char.IsLetterOrDigit(text[index - 1]);
            var endsWord = end >= text.Length || !char.IsLetterOrDigit(text[end]);
            if (startsWord && endsWord)
            {
                return true;
            }

            index = text.IndexOf(phrase, index + 1, StringComparison.OrdinalIgnoreCase);
        }

        return false;
    }

    private static string LoadKnowledgeText()
    {
        var knowledgeDirectory = Path.Combine(FindRepositoryRoot(), "knowledge");
        var files = Directory
            .EnumerateFiles(knowledgeDirectory, "*.md", SearchOption.AllDirectories)
            .Where(path => !string.Equals(Path.GetFileName(path), "README.md", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.NotEmpty(files);

        // Line wrapping, Markdown emphasis and typographic apostrophes must not hide a fact.
        var raw = string.Join("\n", files.Select(File.ReadAllText));
        var cleaned = raw.Replace('\u2019', '\'').Replace("*", string.Empty, StringComparison.Ordinal)
            .Replace("`", string.Empty, StringComparison.Ordinal);
        return string.Join(' ', cleaned.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    private static string FindRepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null)
        {
            if (File.Exists(Path.Combine(directory.FullName, "MlMentorBot.sln")))
            {
                return directory.FullName;
            }

            directory = directory.Parent;
        }

        throw new DirectoryNotFoundException(
            $"No folder containing MlMentorBot.sln above {AppContext.BaseDirectory}.");
    }
}
