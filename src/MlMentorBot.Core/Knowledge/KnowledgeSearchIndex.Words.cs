using System.Buffers;
using System.Text.RegularExpressions;

namespace MlMentorBot.Core.Knowledge;

// The words a question is read with: stop words and chat filler, the words that name the field, money, "make" as "earn",
// a neural network as no kind of networking, and "prep" as preparing rather than data prep.
public sealed partial class KnowledgeSearchIndex
{
    /// <summary>
    /// Words by which a member judges a claim rather than names a thing ("my boss says MLEs just deploy what data scientists
    /// build. fair or oversimplified?", "bootcamp says graduates average 95k starting, is that believable"): they count
    /// against a question's coverage but are never among its unknown words, so they neither make a question someone else's
    /// topic (round 30: the second had been turned away for "believable") nor name options the knowledge never ranks.
    /// </summary>
    private static readonly HashSet<string> VerdictWords = new(StringComparer.Ordinal)
    {
        "fair", "unfair", "accurate", "inaccurate", "oversimplified", "simplified", "exaggerated", "overrated", "underrated",
        "legit", "scam", "hype", "myth", "fact", "true", "false", "right", "wrong", "correct", "incorrect", "realistic",
        "unrealistic", "outdated", "overkill", "nonsense", "bs", "believable", "plausible", "credible",
        // Round 34: "does technical blogging … actually help get interviews or is it just noise".
        "noise", "pointless", "useless", "gimmick", "fluff",
        // Round 36: "how do i network when i dont know anyone in tech lol. linkedin feels so fake".
        "fake",
    };

    /// <summary>
    /// Countries and cities members write from ("how to network if i live in a small city in brazil", "first year cs in são
    /// paulo, what should i focus on"): where the member lives is the question's context, not someone else's topic, unless
    /// the question is about pay, whose figures are for the United States (the pay entries' not_covered lists name the other
    /// places, so "salary of ml engineer in brazil" still gets the honest reply). Round 34: a batch written from members in
    /// many countries had eight questions turned away for the place alone.
    /// </summary>
    private static readonly HashSet<string> Places = new(StringComparer.Ordinal)
    {
        "india", "pakistan", "bangladesh", "nepal", "nigeria", "kenya", "ghana", "egypt", "morocco", "ethiopia", "philippines",
        "indonesia", "malaysia", "vietnam", "thailand", "singapore", "japan", "china", "korea", "taiwan", "uae", "dubai", "israel",
        "turkey", "iran", "brazil", "brasil", "mexico", "argentina", "colombia", "chile", "peru", "canada", "uk", "england",
        "britain", "scotland", "ireland", "germany", "france", "netherlands", "belgium", "spain", "portugal", "italy", "poland",
        "ukraine", "romania", "sweden", "norway", "denmark", "finland", "switzerland", "austria", "czechia", "greece", "europe",
        "africa", "asia", "australia", "london", "berlin", "munich", "paris", "amsterdam", "madrid", "warsaw", "krakow", "kraków",
        "toronto", "vancouver", "montreal", "sydney", "melbourne", "bangalore", "bengaluru", "hyderabad", "pune", "mumbai",
        "delhi", "chennai", "kolkata", "lagos", "nairobi", "cairo", "manila", "jakarta", "hanoi", "saigon", "são", "sao",
        "paulo", "rio", "bogota", "bogotá", "lima", "istanbul", "tokyo", "seoul", "beijing", "shanghai",
    };

    private static readonly HashSet<string> StopWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "about", "after", "all", "am", "an", "and", "any", "are", "as", "at", "be", "become", "becoming", "been", "best",
        "but", "by", "can", "could", "do", "does", "for", "from", "get", "good", "have", "how", "i", "if", "in", "into", "is",
        "it", "its", "me", "more", "most", "much", "my", "need", "of", "on", "one", "or", "should", "so", "some", "that", "the",
        "their", "there", "these", "this", "to", "up", "was", "we", "what", "whats", "when", "where", "which", "who", "why",
        "will", "with", "would", "you", "your", "ml", "machine", "learning", "engineer", "engineers", "engineering", "mle", "mles",
        "tell", "know", "want", "really", "like", "s", "t", "im", "dont", "there's", "should", "give", "show", "list",
        "anyone", "someone", "something", "anything", "stuff", "thing", "things", "actually", "please", "pls", "guys", "ok", "okay",
        // Chat filler and slang members type around a question (issue #14's member set): they carry no topic, and counting
        // them as unknown words made real questions look off-topic.
        "lol", "lmao", "plz", "rn", "tbh", "nah", "lowkey", "wanna", "gonna", "gotta", "kinda", "sorta", "even", "just", "still", "ive",
        "youre", "theyre", "isnt", "arent", "doesnt", "wont", "cant", "eng", "hey", "hi", "thanks", "bro", "wat", "u", "ur", "w",
        "also", "then", "than", "them", "they", "our", "us", "very", "way", "yeah", "yes", "no", "not", "too", "own", "other",
        "others", "out", "over", "off", "while", "without", "every", "each", "new", "wannabe", "aspiring", "important", "importance",
        "matter", "matters", "tips", "free", "hire", "hired", "hiring", "land", "bigger", "better", "worse", "bad", "deal", "normal",
        "made", "ppl", "people", "use", "used", "using", "look", "looks",
        // Everyday function words members type in longer messages ("i did a-level maths years ago", "can't afford paid ones
        // right now"): no topic, so not a word the knowledge fails to know.
        "did", "didnt", "done", "ago", "quite", "now", "both", "never", "ever", "already", "yet", "again", "though", "maybe",
        "probably", "literally", "basically", "honestly", "ones", "anyway", "right", "heard", "hear", "somewhere", "anywhere", "guide", "due", "wrapped", "wrap",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        // How deeply or exactly ("do i need to know linear algebra deeply"), and how the member feels ("i'm overwhelmed,
        // where do i even begin"): said around a question, never its topic.
        "deeply", "thoroughly", "properly", "fully", "truly", "exactly", "necessarily", "confused",
        "lost", "scared", "nervous", "anxious", "worried", "excited", "frustrated", "unsure", "clueless", "stuck",
        // Chat shorthand for "really", "true", "for real", "I don't know", "in my opinion" (round 23: "do i rly need a masters
        // or nah" was turned away, and "im stuck on stage 4" searched for "stack").
        "rly", "rlly", "tru", "fr", "ngl", "idk", "imo", "imho", "srsly", "tryna", "cooked", "smth", "grind", "grinding", "scam",
        "scams", "legit", "introvert", "introverted", "shy", "cringe", "awkward", "waiting",
        // Chat acknowledgements and time words around a follow-up ("cool, what about deployment stuff", "how long till
        // senior", "a breakdown by level"; round 24: each was turned away for the one word).
        "cool", "hmm", "hmmm", "till", "til", "until", "breakdown",
        // How members feel about themselves or say what they ask for ("my linear algebra is rusty af", "wondering if i'm a
        // fit", "so i can stop panicking", "im lazy about documenting my code", "or is a bachelors fine", "is that a myth",
        // "project ideas that would impress", "could you outline the steps"): round 24, each turned a question away.
        "fine", "wondering", "wonder", "rusty", "af", "specifically", "panicking", "panic", "lazy", "whatever", "myth",
        "impress", "impressive", "outline", "huge", "doable", "halfway", "random", "hireable", "employable",
        // Where the member comes from or stands, and how they weigh things ("i'm a frontend dev", "i'm a cs sophomore", "how
        // can my teen get experience", "R from stats labs", "would it give her an advantage", "sounds like a lot", "keep
        // learning nonstop", "a decent place to post"): who asks and how, no topic.
        "frontend", "backend", "fullstack", "sophomore", "freshman", "teen", "teenager", "lab", "labs", "advantage", "advantages",
        "sounds", "nonstop", "supposed", "decent",
        // "no meetups here", "salary here in philippines" (round 34): where the member is, which led with the first stage's
        // "Why start here"; "walk me through the steps", which led with the certifications "you work through"; "for someone
        // who already codes professionally", which turned a bootcamp question away.
        "here", "through", "professionally", "personally",
        // "is there any way around it", "my github is empty" (round 26): how the member stands, no topic.
        "around", "empty", "further", "9-5", "9to5", "full-time", "fulltime", "saw", "seen", "memorize", "memorise",
        "memorizing", "memorising", "host", "latest", "many", "gatekeeping", "gatekeep", "gatekeepers", "inflating", "inflated",
        "prioritise", "prioritize", "prioritising", "prioritizing", "credible", "catch", "help", "involved", "mate", "dosh", "currently",
        // Round 26, from the helpers' set: school levels, chat about lurking and pivoting, and a badge as what a cert is
        // ("I did A-level maths years ago", "mostly lurking tho", "what would he need to learn to pivot into ml eng"). Round
        // 32: switching is pivoting too ("should i switch to python" had been turned away for "switch").
        "a-level", "a-levels", "lurking", "lurk", "lurker", "pivot", "pivoting", "switch", "switching", "switched", "transition", "transitioning", "badge", "badges", "selects", "local", "paragraph", "paragraphs", "main",
        // Round 28, from messages that say who the member is before asking: "how much does networking matter for landing that
        // kind of job", "can you lay out the roadmap".
        "landing", "landed", "lay", "laid",
        // "must" as non-native English asks ("what i must to do now for become mle"), and how members at a stage of the path
        // say how it goes ("be honest, is self taught even realistic", "can i just rely on my portfolio",
        // "forgot most of the math, should i redo it", "when work takes all my energy", "where on earth do i begin", "not an
        // expert yet", "tutorial hopping", "i'm an impatient learner", "in which order should i tackle the stages", "huge
        // amounts of data").
        "tackle", "amount", "amounts", "must", "honest", "rely", "relying", "forgot", "forget", "forgotten", "redo", "energy", "earth", "expert",
        "experts", "hopping", "impatient", "acceptable",
        // Round 32, from short questions with a remark after them ("how much stats do i need, failed stats 101 once", "do i
        // have to read research papers, they look scary"): failing or fearing a thing, never the topic. Not "easy", "hardest"
        // and the like, which members ask about other things with too ("easiest way to…": the twenty-second set lost an
        // off-topic question to them).
        "fail", "failed", "failing", "scary", "intimidating", "daunting", "terrifying",
        // "am i getting lowballed here" (round 32: "getting" had been the one word no passage on pay says), and "ML folks"
        // as members name people.
        "getting", "folks",
        // Round 29, from askers the sets lacked (parents, recruiters, veterans): "he already knows a bit of python".
        "bit", "knows", "involve", "involves", "involving", "looking",
        // How members judge and compare themselves ("my charts are ugly", "SQL keeps tripping me up", "zero clue", "my whole
        // cohort has AWS certs", "every other applicant seems to have…", "my study buddy uses R"): round 26's fifth batch.
        "clue", "tripping", "terrible", "horrible", "ugly", "none", "buddy", "buddies", "seems", "seem", "cohort", "cohorts",
        "overrated", "underrated", "everyones", "everyone's", "applicant", "applicants", "session", "sessions", "mates",
        "peers", "prerequisites", "prerequisite", "prereqs", "prereq", "single",
        // Hinglish, as Indian members mix it into English questions ("bhai ML engineer banne ke liye kya kya seekhna
        // padega, roadmap bata do"): the Hindi words that carry the grammar, not the topic, which stays English. Only words
        // that are not also English ones ("ban", "par" and "tab" stay topics; "main" is dropped as the English word, as in "the
        // main steps"; "matlab" is MATLAB, which the synonyms read as programming: round 32, "does MATLAB count for anything or
        // do I have to switch everything to python" had been turned away).
        "bhai", "bhaiya", "yaar", "kya", "kyaa", "kaise", "kaisa", "kaisi", "kitna", "kitni", "kitne", "hai", "hain", "hoon",
        "hun", "ke", "ki", "ka", "liye", "lie", "ko", "mein", "mujhe", "mera", "meri", "mere", "chahiye", "padega", "padegi",
        "padta", "karna", "karun", "karu", "karein", "kare", "kar", "karke", "karne", "krna", "bhi", "aur", "kuch", "sach",
        "batao", "bata", "btao", "koi", "thoda", "thodi", "aata", "aati", "seedha", "pehle", "sakta", "sakti", "sakte",
        "milti", "milta", "milega", "zaroori", "zaruri", "banne", "banna", "banu", "gaya", "gayi", "lage", "lagta", "wala",
        "wali", "raha", "rahi", "rahe", "hota", "hoti", "hote", "toh", "accha", "acha", "haan", "nahi", "nahin",
        "abhi", "kab", "kyun", "kyu", "kaun", "konsa", "konsi", "kaunsa", "kaunsi", "jaldi", "sahi", "bahut", "bohot",
        "sab", "apna", "apni", "aap", "hum", "yeh", "woh", "isme", "usme", "se", "na", "ya", "ab", "bas", "diya", "liya",
        "bina", "pe",
        // "the field" is the member's way of naming ML itself ("is the field too hyped"), not a field of specialisation,
        // whose heading it had matched.
        "field", "profession", "professions",
        // The courtesies of a formal message ("I would appreciate your advice on…", "Respected sir, kindly…").
        "appreciate", "grateful", "advice", "advise", "kindly", "respected", "dear", "regards", "humbly", "request", "requesting",
        // "ML engineer profile", as Indian English names a role ("how to switch into ML engineer profile").
        "profile", "profiles", "found", "love", "n", "wait", "mine",
        // Forms of address ("sir how to become ml engineer after btech", "boss, is ml engineer good paying job"): whom the
        // member speaks to, not what about.
        "sir", "mam", "maam", "madam", "boss", "dude", "bruh", "fam",
        // Pronouns and everyday words of conversational messages ("my mom thinks it's a fad, how do i explain the demand to
        // her", "got a couple notebooks public", "will recruiters even notice if i skip it entirely").
        "he", "she", "him", "her", "his", "hers", "everyone", "everybody", "everything", "nothing", "nobody", "got", "gotten",
        "said", "says", "tho", "couple", "entirely", "seriously", "totally", "pretty", "super", "bother", "shouldnt",
        "wouldnt", "couldnt", "wrong", "true", "old", "struggling", "context", "across", "dealbreaker", "tweak", "tweaking",
        "brag",
        // The people in a member's story ("my daughter is choosing between a math major and cs", "friend said that means
        // nothing"): who is asking or asked about, never the topic.
        "friend", "friends", "mom", "mum", "dad", "wife", "husband", "bf", "gf", "boyfriend", "girlfriend", "son", "daughter",
        "nephew", "niece", "parent", "parents", "kid", "kids", "brother", "sister", "cousin", "uncle", "aunt", "grandma", "grandpa",
        "grandmother", "grandfather", "grandparents", "granny", "family", "relatives", "roommate", "classmate", "classmates",
        // "should" as members mistype it ("which algorithms shoud i know", "which one shud i learn first"): too short for the
        // typo rule, and read as another topic.
        "shoud", "shud", "shld", "shoudl", "sholud",
        // Greetings and thanks around a question ("hello! what does an ml engineer do", "hey bot, what should i learn
        // first"): "hello" counted as a word the knowledge never uses and turned the question away.
        "hello", "hiya", "heya", "yo", "sup", "greetings", "morning", "afternoon", "evening", "thank", "thx", "ty", "tysm",
        "cheers", "bot",
        // Greetings and thanks in members' first languages (round 33: "dzień dobry, how to start networking in ML…", "Bom
        // dia! … which is the best way for become ml engineer", "…Danke in advance"): words the knowledge never uses that
        // had turned questions away or counted as their topic. Not "tag" of "guten Tag", an English word.
        "namaste", "namaskar", "salam", "salaam", "assalamualaikum", "bom", "dia", "boa", "ola", "olá", "oi", "obrigado",
        "obrigada", "hola", "buenos", "buenas", "gracias", "danke", "guten", "hallo", "dzień", "dobry", "cześć", "dziękuję",
        "bonjour", "merci", "ciao", "grazie", "chào", "xin", "shukran", "merhaba", "asante",
        // How a factor moves pay ("how much does experience raise pay", "do certifications increase salary"): the factor and
        // the pay carry the question; "raise" was a word the knowledge never uses and turned it away.
        "raise", "raises", "increase", "increases", "boost", "boosts",
        // How members weigh a choice or a shortcut ("what happens if i never learn docker", "can i get away without sql", "is
        // it dumb to skip internships", "is it pointless to get certified", "a software engineer with a fancier title", "the
        // must-know list", "algorithms to get familiar with", "can you be good without being curious"; round 25, from 150
        // questions a helper wrote in members' voice): each was turned away for the one word.
        "happen", "happens", "happened", "away", "ignore", "ignoring", "dumb", "stupid", "pointless", "fancier", "fancy",
        "must-know", "must-have", "familiar", "being", "goes", "went", "buzzword", "buzzwords", "waste", "wasting", "missing",
        // Round 25, from 280 more member messages: "because" and its chat forms join a reason to a question and end an option
        // ("python or r, because i no want to waste my time"); "iam", Nigerian Pidgin "abeg", Indian English "do the
        // needful", Slack's "quick question" and "we're" (read as "were"), asking someone to "share" or "suggest", the day
        // ("hi bot how r u today" led with "Start today"), "meaning" ("what is the meaning of life bot"), and how a member
        // weighs what they heard ("someone on reddit said certs are worthless. agree?", "a portfolio that gets noticed").
        "because", "coz", "cuz", "bcoz", "bcz", "iam", "abeg", "needful", "share", "provide", "suggest", "were", "quick",
        "question", "today", "tonight", "tomorrow", "yesterday", "meaning", "noticed", "agree", "thoughts",
        "worthless", "overblown", "accurate",
        // Round 27, from 370 messages in chat forms and everyday words: how a member doubts or passes on what they read or
        // were told ("is that just fluff", "someone in #general said bootcamps are useless", "my cousin claims math isn't
        // needed", "saw a tweet saying…", "quoting the pinned post", "some guy said", "walk me through", "any pointers",
        // "without drowning", "is a degree not needed anymore", "will AI jobs be gone"): no topic of their own.
        "fluff", "useless", "claims", "claim", "claimed", "claiming", "told", "tweet", "tweets", "quoting", "quote", "pinned",
        "guy", "comments", "comment", "hurt", "walk", "pointers", "pointer", "drowning", "drown", "anymore", "gone", "nearby",
        "coming", "saying",
        // "i'd", "i'll", "you'd" without the apostrophe ("i'd like a roadmap from zero" searched for "id").
        "id", "ill", "youd", "theyd",
        // Phone typing (round 27, from 200 hurried messages): "thru", "b4", "abt", "bump ur salary", "always changing", "without
        // being weird", "projects or theory".
        "thru", "b4", "abt", "bump", "bumps", "always", "changing", "weird", "theory",
        // How much more ("pay extra", "almost double"), round 27.
        "extra", "double", "twice", "triple",
        // Round 27, from 365 more messages in a channel's voice and members' situations: "do the libraries just handle all
        // that", "i just nod", "lock in on over the summer", "a smart way in" ("smart" had been mended to "start"), "small
        // low-paid freelance jobs", "the simplest way to deploy, concretely", "realistically".
        "handle", "handles", "nod", "lock", "summer", "smart", "low-paid",
        "simplest", "concretely", "concrete", "realistic", "realistically", "havent", "hasnt", "wasnt", "werent", "hadnt",
        "hundreds", "thousands", "millions", "given", "sense", "town", "towns", "bc", "b/c",
        // The months ("a portfolio ready by march"); not "may", which asks.
        "january", "february", "march", "april", "june", "july", "august", "september", "october", "november", "december",
    };

    /// <summary>British and American endings, and -isation/-ization nouns to their verbs, tried in this order.</summary>
    private static readonly (string From, string To)[] SpellingSwaps =
    [
        ("ization", "isation"), ("isation", "ization"), ("isation", "ise"), ("ization", "ize"), ("ization", "ise"),
        ("isation", "ize"), ("izing", "ising"), ("ising", "izing"), ("ized", "ised"), ("ised", "ized"), ("ize", "ise"),
        ("ise", "ize"), ("yze", "yse"), ("yse", "yze"), ("yzing", "ysing"), ("ysing", "yzing"),
    ];

    /// <summary>
    /// Words that only an ML question uses: the field's own names, its libraries, and the names of its techniques,
    /// metrics and venues (the roadmap article's "linear regression, decision trees, and clustering"; NLP and computer
    /// vision; precision and recall, cross-validation, grid search; Jupyter; Kaggle and the research conferences,
    /// NeurIPS, ICML, ICLR, CVPR; the project kinds members name: recommender systems, classifiers, object detection; the
    /// datasets every first project uses: MNIST, ImageNet, CIFAR).
    /// Not "algorithm", "model" or "python", which other topics use too ("the instagram algorithm", "fashion models",
    /// "ball python"), nor "data" alone, which any topic has ("player data in a spreadsheet", "data on how many people visit
    /// the louvre": round 25), only the field's kinds of it and what it does to them (data science, datasets, training
    /// data, cleaning the data, data pipelines), nor "supervised" or "neural"
    /// alone ("supervised visitation", "neural pathways"), nor the same letters in another sense: "computer vision
    /// syndrome", NLP as neuro-linguistic programming, AI as artificial insemination (round 24, off-topic messages helpers
    /// wrote to share the field's words), nor in round 25's: ml as millilitres ("250 ml", "how many ml in a cup") and AI
    /// said of cows, cattle or bulls; nor, from round 37, the pandas of a zoo ("are the pandas at the national zoo still
    /// there").
    /// </summary>
    [GeneratedRegex(@"\b((?<!\b(?:\d+(?:[.,]\d+)?\s|how many\s+))ml(?!\s+(?:of|in)\s+(?:an?\s+|the\s+)?(?:cups?|glass|bottles?|spoons?|teaspoons?|tablespoons?|water|milk))|mle|mles|mlops|ai(?!\W+artificial insemination)(?![^.?!]*\b(?:cows?|cattle|bulls?|heifers?|livestock|semen)\b)(?<!\b(?:cows?|cattle|bulls?|heifers?|livestock|semen)\b[^.?!]*\bai)|data[ -]?(?:science|scientists?|sci|preprocessing|pre-processing|processing|cleaning|cleansing|prep|preparation|wrangling|visuali[sz]ation|viz|analy\w+|engineer\w*|pipelines?|sets?|mining|labell?ing|augmentation|leakage|quality|driven)|(?:training|test|validation|big|messy|raw|tabular|labell?ed|unstructured|structured|missing|dirty|noisy)[ -]data|(?:clean\w*|normali[sz]\w*|standardi[sz]\w*|scal(?:e|ing)|preprocess\w*|wrangl\w*|transform\w*|label\w*) (?:(?:the|my|your|our|their|raw|messy) )?data|machine[ -]learning|deep[ -]learning|neural[ -]net(?:work)?s?(?!\s+in\s+(?:the|our|a|my|your)\s+brains?)|pytorch|tensorflow|keras|scikit[ -]learn|sklearn|(?<!\b(?:giant|red|baby)\s)pandas(?![^.?!]*\b(?:zoos?|bamboo|bears?|cubs?|wildlife)\b)|numpy|scipy|matplotlib|seaborn|xgboost|hugging ?face|linear[ -]regression|logistic[ -]regression|decision[ -]trees?|random[ -]forests?|clustering|reinforcement[ -]learning|supervised[ -]learning|unsupervised|nlp(?!\W+neuro)|computer[ -]vision(?! syndrome)|kaggle|llms?|hyperparameters?|overfitting|underfitting|precision\W{1,3}(?:(?:and|vs|or)\W+)?recall|cross[ -]validation|grid[ -]search|gradient[ -]descent|feature[ -]engineering|jupyter|neurips|icml|iclr|cvpr|recommender|recommendation (?:systems?|engines?)|classifiers?|image classification|object detection|sentiment analysis|mnist|imagenet|cifar)\b")]
    private static partial Regex FieldWords();

    /// <summary>
    /// "this job", "this field", "this line of work", "people in this career", "these engineers": asked of a bot that
    /// mentors would-be ML engineers, the field itself (round 27: "do i need to learn to make charts and graphs for this
    /// job?" had been turned away for "graphs" as if it were someone else's topic). Not "this career in plumbing" nor "this
    /// field of nursing", which name another, and only beside at most one word the knowledge does not know ("i'm a nurse,
    /// is this job going to burn me out" is the nurse's job).
    /// </summary>
    [GeneratedRegex(@"\b(?:this|these)\s+(?:jobs?|fields?|careers?|line of work|kind of work|type of work|roles?|professions?|engineers)\b(?!\s+(?:in|of|as|at)\b)")]
    private static partial Regex ThisField();

    /// <summary>
    /// "vs" beside a role's name ("mle vs software engineer", "data scientist vs ml engineer"): a comparison of roles, which
    /// the related careers' headings name with "vs", so the word is searched for. Anywhere else ("precision vs recall",
    /// "normalize vs standardize data") it joins two options and, searched for, drew those headings instead of the topic
    /// (round 25, from a helper's 160 member questions); the comparison readings see it either way. Nor is "a great ML
    /// engineer vs an okay one" a comparison of roles (round 29).
    /// </summary>
    [GeneratedRegex(@"\b(?:mle's|ml|machine learning|" + RoleNames + @")\s+(?:vs|versus)\b(?!\.?\s+(?:an?\s+|the\s+)?(?:\w+\s+)?ones?\b)|\b(?:vs|versus)\.?\s+(?:an?\s+)?(?:" + RoleNames + @")\b")]
    private static partial Regex ComparesRoles();

    /// <summary>The roles <see cref="ComparesRoles"/> knows on either side of "vs" (before it, "ml" alone names the role too: "ml vs ds").</summary>
    private const string RoleNames = @"mles?|ml eng\w*|machine learning eng\w*|data scien\w*|software (?:eng\w*|dev\w*)|swes?|ai eng\w*|data analysts?|research(?:ers?)?|ds";

    /// <summary>
    /// One of the <see cref="Readings"/>: <paramref name="Pattern"/>'s matches become <paramref name="Replacement"/>
    /// (<c>${keep}</c> keeps a group). <paramref name="Needs"/>, when set, holds strings of which the pattern cannot match a
    /// text without one; a text with none is not scanned. A pattern that opens with <c>\b</c> and a long alternation is tried
    /// at almost every letter, which cost up to 90 µs on a 317-character message (round 35).
    /// </summary>
    internal readonly record struct Reading(Regex Pattern, string Replacement, SearchValues<string>? Needs = null)
    {
        /// <summary>A reading that every text is scanned for.</summary>
        public static implicit operator Reading((Regex Pattern, string Replacement) pair) => new(pair.Pattern, pair.Replacement);

        /// <summary>The text with this reading applied: unchanged without a match.</summary>
        public string Apply(string text) =>
            Needs is not null && !text.AsSpan().ContainsAny(Needs) ? text : Pattern.Replace(text, Replacement);
    }

    /// <summary>Ordinal <see cref="SearchValues{T}"/> of <paramref name="needs"/>, for a <see cref="Reading"/>.</summary>
    private static SearchValues<string> Needing(params string[] needs) => SearchValues.Create(needs, StringComparison.Ordinal);

    /// <summary>
    /// What a question's wording means, applied in this order to the lowercased question before it is read: each pattern's
    /// matches become the reading. A word whose sense depends on its neighbours is one more pair here.
    /// </summary>
    internal static readonly Reading[] Readings =
    [
        (Mention(), " "),
        (WhoIAm(), " "),
        new(WhereIWork(), " ", Needing("work")),
        (YearInCollege(), " "),
        (CompSci(), " computer science "),
        (PtVsTf(), " pytorch vs tensorflow "),
        (ProbAndStats(), " probability and statistics "),
        (SomeoneTryingTo(), " for someone trying to "),
        (DataEveryDay(), "${keep} with data "),
        (NothingYet(), " from zero "),
        (NotTheField(), " "),
        (ChatHow(), "how"),
        (Much(), "much"),
        (JustCurious(), " "),
        (StartApplying(), " "),
        (HypeNumbers(), " "),
        (WhatThatJobIs(), " what is an ml engineer "),
        (BecomeAManager(), " become management "),
        new(NextStepsAfterYears(), " career growth ", Needing("next")),
        new(SkillsOfAJunior(), " ", Needing("skill")),
        new(ClassicBesideDeep(), " scikit-learn classic algorithms ", Needing("classic")),
        (WhatTheyDo(), " what does an ml engineer "),
        (InPlainWords(), " "),
        (WhatToAvoid(), " what to avoid "),
        new(AnotherJobFirst(), " another job first ", Needing("first")),
        (CloudWithExamples(), " cloud platforms "),
        new(HasTheMaths(), " ", Needing("math", "stat", "calculus", "linear algebra", "probability")),
        (ToolsEveryDay(), "${keep} "),
        (WhatToBuild(), "${keep}build projects "),
        (GetInterviews(), " "),
        (YearsInAnotherJob(), "${keep} "),
        (PayingFor(), " cost "),
        (CostsASalary(), " costs a lot "),
        (CareerForYears(), "${keep} long term "),
        (OnABudget(), " cheaper "),
        (PayStartsAt(), " starting "),
        (IsTheModelGood(), " evaluate model "),
        (ExplainToNonTechnical(), " explain results for stakeholders "),
        (ExplainingAsATrait(), " communication "),
        (TalkToOtherTeams(), " communication "),
        (SmallAmount(), " "),
        (Money(), " money "),
        (MakeBank(), " make money "),
        (EarnSense(), "earn"),
        (WhatTheyMake(), "earn"),
        (GetOffered(), "earn"),
        (PayPackage(), "salary"),
        (NoYearsYet(), " entry level "),
        (IndustryExperience(), " work experience "),
        (OutOfCollege(), " entry level "),
        (YearOfStudy(), " "),
        (StepOne(), " first step "),
        (MoreImportantThan(), " which is more important $1 or $2 "),
        (PrepareForInterviews(), " interview preparation "),
        (AlgorithmForAProblem(), " "),
        (DifferentFromARole(), " vs "),
        new(RoleToRole(), " ${from} vs ml engineer ", Needing("mle", "ml eng", "machine learning eng")),
        (WillAiReplace(), " demand "),
        (RoleAutomated(), " ml engineering demand "),
        (Toward(), " "),
        (CarryOver(), " "),
        (AskSomeQuestions(), " ask questions "),
        new(AnErrorMessage(), " traceback ", Needing("error")),
        (HowItWorksInside(), " inner workings "),
        (MakeYouPay(), " cost "),
        (ThisServer(), " "),
        (ForALevelsRoles(), " "),
        (EarnMoreSense(), "earn"),
        (NeuralNetwork(), "deep learning"),
        (PrepareSense(), "prepare"),
        (OwnGithub(), "my portfolio"),
        (GithubForJobs(), "portfolio"),
        (GithubProject(), "portfolio "),
        (JustUseLibraries(), " "),
        (LowPayOfAStep(), " "),
        (LaptopAsPlace(), " "),
        (RestOfTheCountry(), " elsewhere "),
        (PaidThing(), " "),
        (PayForAThing(), " "),
        (MakesSense(), " "),
        (CashGrab(), " "),
        (NoMoneyFor(), " cheaper "),
        (BrokeAsWhoAsks(), " "),
        new(WhenIAmAfterHow(), "${keep}", Needing("when")),
        (GuidanceOn(), " "),
        (EnterTheField(), " "),
        (WhatItMeans(), " "),
        (FigureOut(), " "),
        (SeenInAJobPost(), " "),
        (BragAbout(), " "),
        (SpecializeInTheField(), " learn ml "),
        (FamilyTree(), " genealogy "),
        (ADate(), " romance "),
        (ModelHobby(), " modelmaking "),
        new(TrainRide(), " railway ", Needing("train")),
        (CodingVsMeetings(), " responsibilities "),
        (SkyClouds(), " weather "),
        (FeatureStory(), " journalism "),
        (FeatureFilm(), " cinema "),
        (SomeoneSays(), " "),
        new(AddressesTheMentor(), " ", Needing("mentor")),
        (JobPost(), " "),
        (TopN(), " "),
        (TimeOff(), " timeoff "),
        (HiringManager(), "employers"),
        (LookAt(), "$1 look for"),
        (MlRoles(), " ml engineer "),
        (MlEng(), "ml engineer"),
        (KindsOfCompanies(), " industries "),
        (JobHunt(), "job"),
        (NotAFan(), " "),
        (KnowItCold(), " "),
        (WhatMakesAGoodOne(), " traits of an ml engineer "),
        (HireByDegree(), " hire degree "),
        new(EngineeringSubject(), " engineering degree ", Needing("mech", "civil", "electric", "chemical", "aerospace", "industrial", "structural")),
        new(DegreeSubject(), "${keep} ", Needing("degree", "major", "bachelor", "master", "phd", "bsc", "msc", "grad", "studied", "studying")),
        new(ComingFrom(), "${keep} ", Needing("from", "background")),
        (WithoutADegree(), " faster and cheaper routes than a degree "),
        (AnswerShape(), " "),
        (BesidesThat(), " "),
        (ChatAre(), "${keep}are"),
        (ChatTo(), "to"),
        (MasterAsVerb(), "learn"),
        (TooLateAtAnAge(), " age "),
        (AgeAsWhoAsks(), " "),
        (StepNumber(), "stage"),
        new(WhoAsksBeforeHow(), " ", Needing("how")),
        (IntoTheField(), "become "),
        new(AnotherRoleAsWhoAsks(), " ", Needing("devops", "data", "product", "security", "platform", "cloud", "pms", "stakeholders")),
        (AnotherRoleAsColleague(), " with others "),
        new(PetName(), "${keep}petname", Needing("dog", "cat", "pup", "kitt", "pet", "hamster", "parrot", "rabbit", "bunny", "horse", "fish", "bird", "turtle", "tortoise", "lizard", "gecko", "snake", "guinea pig", "name")),
        (PythonTheSnake(), " snake "),
        (RecipesForDinner(), " recipe collection "),
        (ARealForest(), " woodland "),
        (DeepLearningOfALanguage(), " language study "),
        (ForSomeoneWho(), "${keep}"),
        (WorthItForABeginner(), "${keep}"),
        (GigJob(), " "),
    ];

    /// <summary>
    /// The careers the sources do not cover (synonyms entry, <c>not_covered</c>), and the people an ML engineer works with
    /// (product people, stakeholders), as members name them for who they are or whom they work with.
    /// </summary>
    private const string OtherRoles = @"(?:devops|data|product|security|cybersecurity|platform|cloud)\s+(?:engineers?|managers?|eng)|data analysts?|product (?:people|team|folks)|pms|devops(?: team| folks| people)?|stakeholders";

    /// <summary>
    /// A career the sources do not cover, named as who the member is ("Hi all, I'm currently a DevOps engineer and I know
    /// Docker and Kubernetes quite well. How much of that transfers to deploying ML models?", "as a data engineer…"): their
    /// background, not their topic, which had got the honest "my sources don't cover devops engineer" reply (round 25).
    /// Or as "devops engineer here." (round 29, from a batch of askers the sets lacked); not "data analyst here", whose
    /// "data" names the field and whose role the sources do not turn away.
    /// </summary>
    [GeneratedRegex(@"\b(?:i['’]?m|i am|im|as|work(?:ing)? as|former|ex-?)\s+(?:currently\s+|now\s+)?(?:an?\s+)?(?:senior\s+|junior\s+|lead\s+)?(?:" + OtherRoles + @")\b|\b(?:senior\s+|junior\s+|lead\s+)?(?:devops|data|product|security|cybersecurity|platform|cloud)\s+(?:engineers?|managers?|eng)\s+here\b(?=\s*[.!?,;:])")]
    private static partial Regex AnotherRoleAsWhoAsks();

    /// <summary>
    /// The same careers named as whom an ML engineer works with ("how ML engineers work with product managers day to day",
    /// "do mles work alongside data engineers"): a question about working with others, which the traits entry answers
    /// (communication and collaboration), not about those careers.
    /// </summary>
    [GeneratedRegex(@"\b(?:with|alongside)\s+(?:the\s+|our\s+|other\s+|their\s+)?(?:" + OtherRoles + @")\b")]
    private static partial Regex AnotherRoleAsColleague();

    /// <summary>The animals members keep, for <see cref="PetName"/>.</summary>
    private const string Pets = @"(?:dog|dogs|cat|cats|puppy|pup|kitten|kitty|pet|hamster|parrot|rabbit|bunny|horse|goldfish|fish|bird|turtle|tortoise|lizard|gecko|snake|guinea pig)";

    /// <summary>The tools and names of the field that members give their pets.</summary>
    private const string PetNames = @"(?:kaggle|python|pandas|numpy|keras|pytorch|torch|tensor|tensorflow|sklearn|scikit|java|julia|docker|spark|linux|git|jupyter|colab|bert|llama|cuda|sql)";

    /// <summary>
    /// A pet with the field's name ("we named our new puppy Kaggle and he keeps chewing the couch", "my dog kaggle keeps
    /// barking", "Kaggle (my dog) keeps barking at night"), or of a band ("tensorflow is the name of my band"): the name is
    /// the pet's, not the topic, which had led with the competitions entry (round 32). Read as "petname", a word the
    /// knowledge never uses.
    /// </summary>
    [GeneratedRegex(@"(?<keep>\b(?:my|our|his|her|the|a)\s+(?:new\s+|little\s+|old\s+|pet\s+)?" + Pets + @"\s+(?:is\s+)?(?:(?:named|called)\s+)?|\b(?:named|called)\s+(?:my|our|his|her|the|a)\s+(?:new\s+|little\s+|old\s+)?" + Pets + @"\s+|\b" + Pets + @"\s+(?:named|called)\s+)" + PetNames + @"\b|\b" + PetNames + @"(?=\s*\(\s*(?:my|our|the)\s+" + Pets + @"\b)|\b" + PetNames + @"(?=\s+is\s+(?:the\s+)?name\s+of\s+(?:my|our|his|her)\b)")]
    private static partial Regex PetName();

    /// <summary>
    /// Python the snake ("python bit my hand, normal?", "my ball python won't eat"): a pet, not the language, whose
    /// "where to start" had answered (round 33). Read as "snake", a word the knowledge never uses.
    /// </summary>
    [GeneratedRegex(@"\b(?:ball|burmese|reticulated|carpet|royal|pet|baby)\s+pythons?\b|\bpythons?\s+(?:bit|bites|bite|biting|bitten|shed|sheds|shedding|ate|eats|hissed|hisses|hissing|escaped|(?:won'?t|wont|doesn'?t|isn'?t|refuses to) eat(?:ing)?)\b")]
    private static partial Regex PythonTheSnake();

    /// <summary>
    /// A dataset of recipes for tonight's dinner ("recipe dataset for weeknight dinner ideas", "a dataset of recipes for
    /// dinner"): cooking, not an ML project, which had led with the project ideas (round 33). Not a recipe dataset for a
    /// recommender or a project ("where can i find a recipe dataset for my recommender project").
    /// </summary>
    [GeneratedRegex(@"\b(?:(?:recipes?|cooking|meal)\s+datasets?|datasets?\s+of\s+(?:\w+\s+)?(?:recipes|meals))\b(?=[^.?!]*\bfor\s+(?:\w+\s+){0,2}?(?:dinners?|lunch(?:es)?|meals?|breakfasts?|cooking)\b)(?![^.?!]*\b(?:recommend\w*|project|model|classifier|portfolio)\b)")]
    private static partial Regex RecipesForDinner();

    /// <summary>
    /// A forest of trees ("random forest near my village is burning since yesterday, who i must call for report it?"): a
    /// wood near where someone lives, or one on fire, not the algorithm, whose "where to start" had answered (round 33). Not
    /// "forest fire" as a dataset or a prediction project.
    /// </summary>
    [GeneratedRegex(@"\b(?:random\s+)?forests?\b(?=\s+(?:near|behind|next to|around|outside)\s+(?:my|our|the|his|her)\s+(?:village|town|house|home|city|school|farm)\b|\s+(?:is\s+|was\s+)?(?:on fire|burning|burnt|burned)\b)")]
    private static partial Regex ARealForest();

    /// <summary>
    /// "Deep learning" of a human language ("what's the best way to do deep learning of japanese vocabulary", "best app for
    /// deep learning of Japanese, not just keeping a duolingo streak"): studying it in depth, not the ML technique, which
    /// had led with the types of learning (round 32); or named right after it ("Deep learning Japanese — is immersion through
    /// anime actually better…", round 33). Read as "language study", words the knowledge never uses.
    /// </summary>
    [GeneratedRegex(@"\bdeep(?:ly)?\s+learn(?:ing)?\s+(?:of|for)\s+(?:a\s+|my\s+)?(?:new\s+|foreign\s+)?(?:japanese|spanish|french|german|korean|chinese|mandarin|italian|portuguese|arabic|russian|hindi|vocabulary|kanji|grammar)\b(?!\s+(?:text|texts|nlp|data|datasets?|speech|translation|classification|models?|ocr|documents?|characters|handwriting|recognition|correction|checking)\b)"
        + @"|\bdeep\s+learning\s+(?:japanese|spanish|french|german|korean|chinese|mandarin|italian|portuguese|arabic|russian|hindi)(?=\s*[—–:,.?!]|\s+-\s|\s+(?:vocab\w*|grammar|kanji|words|phrases)\b)")]
    private static partial Regex DeepLearningOfALanguage();

    /// <summary>
    /// Who a question is for, said after it ("what's a realistic first ML project for someone who just finished python
    /// basics", "best first project for a beginner who knows some sql"): the asker's stage, not the topic, which had led
    /// with the foundations ("basics", round 32). To the end of the clause.
    /// </summary>
    [GeneratedRegex(@"(?<keep>\bfor\s+)(?:someone|somebody|a person|people|a beginner|beginners|a newbie|me|a noob)\s+(?:who|that)\s+(?:just\s+|only\s+|already\s+)?(?:finished|knows?|did|completed|learned|learnt|has|have|had)\b[^,.;!?]*")]
    private static partial Regex ForSomeoneWho();

    /// <summary>
    /// Whom a judgement is for ("are conferences worth it for a beginner", "are conferences worth the ticket price for a
    /// junior"): the asker's stage, not a question about entry-level roles, whose internships passage had led rather than
    /// the conferences (round 33). Only after a judgement (worth, useful, necessary…), so "salary for a junior" still asks
    /// for the entry-level figures.
    /// </summary>
    [GeneratedRegex(@"(?<keep>\b(?:worth(?:\s+it)?|useful|necessary|needed|important|helpful|a good idea)\b[^.?!,]{0,30}?)\s+for\s+(?:an?\s+)?(?:complete\s+|total\s+|absolute\s+)?(?:beginners?|juniors?|newbies?|noobs?|students?|new grads?|freshers?)\b")]
    private static partial Regex WorthItForABeginner();

    /// <summary>
    /// A gig job the member does ("im a uber driver rn but i did 2 yrs of CS…"): who asks, not the company the sources do not
    /// cover, which had turned the question away (round 32).
    /// </summary>
    [GeneratedRegex(@"\b(?:uber|lyft|doordash|deliveroo|grab)\s+(?:driver|drivers|driving|courier|rider)\b")]
    private static partial Regex GigJob();

    /// <summary>The verbs of <see cref="IntoTheField"/>: getting, breaking, pivoting, moving.</summary>
    private const string IntoTheFieldVerbs = @"\b(?:get|getting|break|breaking|pivot|pivoting|transition|transitioning|switch|switching|move|moving)";

    /// <summary>Those verbs into ML by the field's names, perhaps saying where from ("switching from swe to mle").</summary>
    private const string IntoTheFieldWords = IntoTheFieldVerbs + @"\s+(?:from\s+(?:[\w-]+\s+){1,3}?)?(?:in|into|to)\s+(?=(?:an?\s+)?(?:mle|mles|ml|machine learning|ai)\b)";

    /// <summary>
    /// Who is asking, said before "how do i get into ml": "im a frontend dev w 3 yoe, how do i pivot into mle" and "former
    /// high school math teacher here, how do i pivot into ml engineering" ask for the path, which their background only
    /// frames (they had led with the experience stage and the maths, from "yoe" and "math teacher"). Only a clause that
    /// introduces the asker ("i'm a…", "former…", "… here"), not their age ("im 35, how do i…" asks whether it is too late,
    /// which the sources do not say) nor a clause about a degree, which the education stage answers. Whole sentences of
    /// backstory before it go too ("Respected sir, I have done MCA and working in support role since 2 years. How to switch
    /// into ML engineer profile, please guide" had led with internships), unless they speak of a degree or ask a question.
    /// A greeting or "so" may come first ("hey so i'm a high school teacher, how do i even start moving into ml
    /// engineering", round 27). The clause is read up to a word "degree" (a lookbehind from its end, tried at each place
    /// the clause could end, had cost up to 60 µs a question; round 35). It needs a "how".
    /// </summary>
    [GeneratedRegex(@"^\s*(?:(?:hey|hi|hello|ok|okay|so|well|yo|um|uh)\b[\s,!.]*)*(?:(?:i['’]?m|i am|as an?|former|ex-?)\s+(?!\d)(?:(?!\bdegree)[^,.;!?])*|(?:(?!\bdegree)[^,.;!?])*\bhere)[,.;!]\s*(?=how\b[^?.!,;]*" + IntoTheFieldWords + ")"
        + @"|^(?:(?!\bdegree\b)[^?])*?[.!;]\s+(?=how\b[^?.!,;]*" + IntoTheFieldWords + ")")]
    private static partial Regex WhoAsksBeforeHow();

    /// <summary>
    /// Getting into the field, asked how, as becoming one of its engineers: "how do i get into ml", "how to break into
    /// machine learning", "how do i transition to ml engineering", "how do i pivot into mle" (each was turned away or led
    /// with the common algorithms). Only before the field's own name ("how do i switch to pytorch" is a tool), and only
    /// after "how": "can i switch into ml engineering or is that a stretch" asks whether, which the sources do not answer.
    /// Round 27: from where ("switching from swe to mle"), and "how" said last ("switching from swe to mle how"). Round 33:
    /// without the verb ("swe to mle how", "swe to mle switch how").
    /// </summary>
    [GeneratedRegex(@"(?=" + IntoTheFieldVerbs + @"\b)(?<=\bhow\b[^?.!,;]*)" + IntoTheFieldWords + "|" + IntoTheFieldWords + @"(?=[^?.!,;]*\bhow\W*$)"
        + @"|\b(?:from\s+)?(?:swes?|software (?:engineer|dev)\w*|data analysts?|analysts?|ds|data scien\w*|(?:backend|frontend|web) dev\w*)\s+(?:to|->|→|=>)\s+(?=(?:an?\s+)?(?:mle|mles|ml|machine learning)\b)(?:(?<=\bhow\b[^?.!,;]*)|(?=[^?.!,;]*\bhow\W*$))")]
    private static partial Regex IntoTheField();

    /// <summary>
    /// "too late" said beside an age, read as "age" ("i am 35 years, is too late to start career in ML engineering?", "im 35, teacher… is it
    /// too late to get into ml"): the member's age, which neither source speaks of (synonyms.md's not_covered lists "too
    /// old" and "age"); they had led with "Start today" and where to start programming. Without an age ("im a bio major,
    /// can i still become an ml engineer or is it too late") the degree is what is asked. So is "hurt" after an age ("will
    /// switching careers at 35 hurt my chances", round 27), and "only for young people" (round 33: "I am 38 years old with
    /// family, can I study ML in evenings and get job or this is only for young people?" had led with formal education).
    /// </summary>
    [GeneratedRegex(@"(?=\btoo late\b)(?<=\b[1-9][0-9]\b.*)\btoo late\b|\btoo late\b(?=.*\b[1-9][0-9]\b)|\bhurt\b(?<=\bat (?:age )?[2-9][0-9]\b.*hurt)|\bfor\s+(?:the\s+)?young(?:er)?\s+(?:people|ppl|folks|ones|grads|guys|kids)\b")]
    private static partial Regex TooLateAtAnAge();

    /// <summary>
    /// "i'm 16, what should i learn first", "im 19 and in my first year of cs": the member's age as who asks, once
    /// <see cref="TooLateAtAnAge"/> has read "too late" beside it as the question (round 29: each was turned away for the
    /// number).
    /// </summary>
    [GeneratedRegex(@"\b(?:i['’]?m|i am|im)\s+(?:only\s+|just\s+|now\s+)?(?:1[3-9]|[2-6][0-9])(?:\s*(?:yo|y/o|years?\s+old|yrs?\s+old|years?|yrs?))?(?=\s*(?:[,.;!?]|and\b|&|$))")]
    private static partial Regex AgeAsWhoAsks();

    /// <summary>
    /// "master" as a verb, read as "learn": "how much linear algebra should i master before…" asks how much to learn, not
    /// about a master's degree (it had been turned away). Only after a word that makes it a verb, and not "master's",
    /// "master degree" or "master in".
    /// </summary>
    [GeneratedRegex(@"(?<=\b(?:should|to|must|can|could|i|you|we)\s+)master\b(?!['’]?s\b|\s+(?:degree|degrees|program|programme|programs|in|of)\b)")]
    private static partial Regex MasterAsVerb();

    /// <summary>
    /// "step 3" or "phase 3" for the roadmap's stage 3 ("what is step 7" had led with a section of stage 7 rather than its
    /// steps). Not "the 7 steps", which counts them.
    /// </summary>
    [GeneratedRegex(@"\b(?:step|phase)(?=\s+\d+\b)")]
    private static partial Regex StepNumber();

    /// <summary>
    /// A mention carries no topic: Slack's <c>&lt;@U024BE7LH&gt;</c>, <c>&lt;@U024BE7LH|bob&gt;</c>, <c>&lt;#C123|general&gt;</c> and
    /// <c>&lt;!here&gt;</c> (https://api.slack.com/reference/surfaces/formatting#advanced), Discord's <c>&lt;@123&gt;</c>,
    /// <c>&lt;@!123&gt;</c>, <c>&lt;@&amp;123&gt;</c> and <c>&lt;#123&gt;</c> (https://discord.com/developers/docs/reference#message-formatting),
    /// and "@name" as typed in chat ("@MlMentorBot what is mlops" had been turned away for the unknown word "mlmentorbot").
    /// So are an emoji typed by its short code, as both platforms write it (":sweat_smile:"), and a channel named as typed
    /// ("someone in #general said…"; not "c#"), round 27.
    /// </summary>
    [GeneratedRegex(@"<[@#!][^>\s]*>|(?<![\w.])@[\w.-]+|(?<![\w:]):[a-z0-9_+-]+:(?![\w:])|(?<![\w#&])#[a-z][\w-]*")]
    private static partial Regex Mention();

    /// <summary>
    /// <paramref name="text"/> without its mentions (<see cref="Mention"/>): what a feedback button may carry, so that a
    /// question typed with <c>&lt;!channel&gt;</c> never reaches a gap digest as one.
    /// </summary>
    internal static string WithoutMentions(string text) => Mention().Replace(text, " ");

    /// <summary>
    /// "make" meaning "earn", read as "earn" (a salary synonym): "how much do ml engineers make", "what does an mle make in
    /// germany", "what do they make a year", "how much are mles making". Not "how do i make a portfolio" (no "how much" or
    /// "what … do") nor "what do i need to make a portfolio" (it makes something), nor "what are the traits that make someone
    /// a successful ML engineer" (round 26), nor "what is a hyperparameter and how i make tuning of it" (a new clause of how
    /// to do something) nor "how much does making charts matter" (making as what is weighed), round 28, nor "what do ml ppl
    /// use to make graphs" (round 35).
    /// </summary>
    [GeneratedRegex(@"(?=\bmak(?:e|es|ing)\b)(?<=\b(?:how much|what)\s+(?:do|does|did|can|could|would|will|might|should|are|is|was|were)\b[^?.!,;]*?)(?<!\bhow\s+(?:i|we|to|one)\s+)(?<!\b(?:use|uses|used|using)\s+to\s+)\bmak(?:e|es|(?<!\b(?:does|do|did|is|would|will)\s+mak)ing)\b(?!\s+(?:a|an|the|my|your|their|his|her|it|this|that|these|those|some|any|sure|them|me|us|one|use|time|progress|someone|somebody|anyone|people|you)\b(?!\s+(?:year|yr|month|week|hour)\b))")]
    private static partial Regex EarnSense();

    /// <summary>
    /// "package" as Indian English says pay (the yearly cost to company): "what is the package of ml engineer for freshers",
    /// "average package for mle" (it had led with what the role is). Only before "of" or "for" and the role or a level, or
    /// after a word that sizes it; "which python package for ml" is a library.
    /// </summary>
    [GeneratedRegex(@"\bpackages?\b(?=\s+(?:of|for)\s+(?:an?\s+|the\s+)?(?:ml|mle|mles|machine learning|fresher|freshers|junior|juniors|entry|senior|seniors)\b)|(?<=\b(?:avg|average|starting|annual|yearly|expected|highest|median)\s+)packages?\b")]
    private static partial Regex PayPackage();

    /// <summary>
    /// "what kind of companies hire mles", "types of employers": the industries that hire, which the role's overview names
    /// ("what kind of companies" had led with evaluating models, from "kind"). "which companies hire" asks for names, which
    /// no source gives (synonyms.md's not_covered).
    /// </summary>
    [GeneratedRegex(@"\b(?:kinds?|types?|sorts?)\s+of\s+(?:companies|company|employers|orgs|organi[sz]ations|businesses|firms)\b")]
    private static partial Regex KindsOfCompanies();

    /// <summary>
    /// No years of experience yet, the entry level: "fr how much do mles make at like 0 yoe" had led with the experienced
    /// band, from "yoe" (experience); so had "zero industry experience" (round 31).
    /// </summary>
    [GeneratedRegex(@"\b(?:0|zero|no)\s+(?:(?:industry|work|professional)\s+(?:experience|exp)\b|yoe|years?\s+of\s+(?:experience|exp)|yrs?\s+of\s+(?:experience|exp)|years?\s+experience)\b")]
    private static partial Regex NoYearsYet();

    /// <summary>
    /// Fresh from college, the entry level: "what does a junior machine learning engineer usually earn straight out of
    /// college" had been turned away, its pay question read as one about degrees. Not "dropped out of college", which is
    /// a member without the degree.
    /// </summary>
    [GeneratedRegex(@"(?<!\b(?:dropped|drop|dropping|kicked|flunked)\s+)\b(?:straight |right |fresh |just )?out of (?:college|uni|university|school|grad school)\b")]
    private static partial Regex OutOfCollege();

    /// <summary>
    /// A member's year of study ("i'm a second year cs student", "3rd year of uni"): who asks, not the years of experience
    /// or pay per year the words would find (round 28: "what should i do over the summer to get closer to ml engineering"
    /// had led with the salary figures).
    /// </summary>
    [GeneratedRegex(@"\b(?:first|second|third|fourth|final|1st|2nd|3rd|4th)[- ]year(?=\s+(?:student|undergrad|uni|university|college|cs|computer|physics|math|maths|engineering|of|in)\b)")]
    private static partial Regex YearOfStudy();

    /// <summary>
    /// "different from" another role, read as "vs" so the comparison of roles is searched for: "How is a machine learning
    /// engineer different from a regular software engineer?" had led with software engineering practices (round 28). So is
    /// "a type of" one ("ml engineer is a type of software engineer or separate profession" had led with the types of
    /// learning, round 30).
    /// </summary>
    [GeneratedRegex(@"\b(?:(?:different|differs?|difference)\s+(?:from|than|to)|(?:a|an|just a|just another)\s+(?:type|kind|sort|form|branch|subset|flavou?r|subfield)\s+of)\s+(?=(?:an?\s+|the\s+)?(?:regular\s+|normal\s+|traditional\s+|typical\s+|plain\s+|ordinary\s+)?(?:software|swes?\b|data scien|data analyst|ai eng|researcher))")]
    private static partial Regex DifferentFromARole();

    /// <summary>
    /// "will ai replace it", "will automation take over": whether the role has a future, which the seed articles answer with
    /// its demand (round 29: "is mle a safe career or will ai replace it soon" led with the AI engineer once "replace" was
    /// no longer read as "place"). Not when another role is replaced ("will ai replace software engineers").
    /// </summary>
    [GeneratedRegex(@"\bwill\s+(?:ai|automation|chatgpt|gpt|llms?|robots|agents)\s+(?:replace|take\s+over|automate|kill|eliminate|make\s+(?:\w+\s+)?obsolete)\b(?=\s+(?:it|them|us|ml|mles?|machine\s+learning|this|th(?:at|e)\s+(?:role|job)|my\s+job|our\s+jobs?)\b|\s*[?.!]|\s*$)")]
    private static partial Regex WillAiReplace();

    /// <summary>
    /// "is ml engineering gonna be automated by llms", "will mles get automated away": the role's future, as
    /// <see cref="WillAiReplace"/> reads it, not what the automating tool is (round 31: turned away for "llms"). Only with the
    /// role before it, so "can data cleaning be automated" keeps its topic.
    /// </summary>
    [GeneratedRegex(@"\b(?:mles?|ml|machine\s+learning)(?:\s+eng\w*)?\s+(?:(?:is|are|gonna|going\s+to|will|be|get|gets|getting|being)\s+){1,3}automated(?:\s+away)?(?:\s+by\s+(?:ai|automation|chatgpt|gpt|llms?|robots|agents|automl))?\b")]
    private static partial Regex RoleAutomated();

    /// <summary>
    /// "toward" as a preposition, not the blog Towards Data Science whose name it is in the knowledge: "What should I learn
    /// next to move toward ML?" had led with the blogs (round 29).
    /// </summary>
    [GeneratedRegex(@"\btowards?\b(?!\s+data\s+science\b)")]
    private static partial Regex Toward();

    /// <summary>
    /// "carry over" as skills transfer ("how do my docker and kubernetes skills carry over to ml engineering"): how the
    /// member's skills fit, not the preprocessing step that carries data work out (round 29, it had led with that step).
    /// </summary>
    [GeneratedRegex(@"\b(?:carry|carries|carried|carrying)\s+over\b")]
    private static partial Regex CarryOver();

    /// <summary>
    /// "ask coding questions", "ask my dumb questions": asking questions, which synonyms.md reads as the communities
    /// ("what's a good place to ask coding questions when stuck on ml" had led with why programming matters, round 29).
    /// </summary>
    [GeneratedRegex(@"\bask\s+(?:(?:my|some|coding|code|python|ml|beginner|newbie|noob|dumb|stupid|basic|technical|random)\s+){1,2}questions\b")]
    private static partial Regex AskSomeQuestions();

    /// <summary>
    /// An error a program printed ("RuntimeError: mat1 and mat2 shapes cannot be multiplied", "KeyError: 'id'", "error:
    /// Microsoft Visual C++ 14.0 is required"): debugging, which synonyms.md lists as not covered by its "traceback" (round
    /// 29: a shape error with "pytorch" in it had led with the tools).
    /// </summary>
    [GeneratedRegex(@"\b[a-z]+error\b|\berror:")]
    private static partial Regex AnErrorMessage();

    /// <summary>
    /// How an algorithm or model works inside ("how does the PPO reinforcement learning algorithm work", "how does a decision
    /// tree pick its split", "how does attention in transformers work"): the seed articles name the families and algorithms
    /// to learn, never how they work, so synonyms.md lists "inner workings" as not covered (round 29). Not someone making,
    /// getting or keeping a model working ("how do ml engineers make models work at large scale" asks about deployment, round 31).
    /// </summary>
    [GeneratedRegex(@"\bhow (?:does|do) (?!i\b|you\b|we\b|they\b)(?:an?\s+|the\s+)?(?:(?!(?:make|makes|get|gets|keep|keeps|help|helps)\s)[\w-]+\s+){0,4}?(?:algorithms?|models?|networks?|trees?|regression|transformers?|attention|backprop(?:agation)?|gradient descent|forests?|svms?|clustering|k-?means)\s+(?:in\s+[\w-]+\s+)?(?:actually\s+|really\s+)?(?:work|learn|pick|choose|decide|split)\b")]
    private static partial Regex HowItWorksInside();

    /// <summary>
    /// Preparing for interviews, which synonyms.md lists as not covered as "interview preparation": "How should I prepare for ML
    /// engineer interviews? What kind of questions do they ask?" had led with the communities (round 28).
    /// </summary>
    [GeneratedRegex(@"\bprep(?:are|aring|ping)?\s+for\s+(?:an?\s+|the\s+|my\s+)?(?:(?:(?:ml|machine learning|ai)\s+)?engineer(?:ing)?\s+|mle\s+)?(?:job\s+)?interviews?\b")]
    private static partial Regex PrepareForInterviews();

    /// <summary>
    /// "for a given problem" after choosing an algorithm ("how do I know which algorithm to pick for a given problem?"):
    /// the problem is the member's, not the problem-solving trait it had led with (round 28, asked in three batches).
    /// </summary>
    [GeneratedRegex(@"(?=\bfor\s)(?<=\balgo(?:rithm)?s?\b[^.?!]{0,30})\bfor\s+(?:a|my|the|your|any|each|every)\s+(?:given\s+|specific\s+|particular\s+|real\s+|new\s+)?(?:problem|task)\b")]
    private static partial Regex AlgorithmForAProblem();

    /// <summary>
    /// "is statistics more important than calculus", "is probability more useful than linear algebra": which of two to
    /// choose, read as "which is more important statistics or calculus" so that a passage naming both without ranking them
    /// gets the honest reply that says so (round 28: asked in four batches and the fifteenth set, and led with the topics).
    /// </summary>
    [GeneratedRegex(@"\b(?:is|are)\s+([^?.!,;]{1,60}?)\s+(?:more|less)\s+(?:important|useful|valuable|relevant|necessary|essential)\s+than\s+([^?.!,;]{1,60})")]
    private static partial Regex MoreImportantThan();

    /// <summary>"step one", "step #1": the first step ("whats step one on the roadmap and what comes right after"), round 28.</summary>
    [GeneratedRegex(@"\bstep\s+(?:one|#?1)\b(?!\s*[-–.,]\s*\d)")]
    private static partial Regex StepOne();

    /// <summary>
    /// Paying as a cost, not pay earned: "is a masters a scam to make u pay more tuition", "they make you pay for the exam"
    /// (round 28).
    /// </summary>
    [GeneratedRegex(@"\bmak(?:e|es|ing)\s+(?:you|u|me|us|people|them|students|everyone)\s+pay\b")]
    private static partial Regex MakeYouPay();

    /// <summary>
    /// The place the member is typing in ("hey! just found this server", "new to this channel"): where they ask, not what
    /// about (the question after it had been turned away for "server").
    /// </summary>
    [GeneratedRegex(@"\b(?:this|the|our|your)\s+(?:server|channel|workspace|discord|slack)\b")]
    private static partial Regex ThisServer();

    /// <summary>
    /// "for entry level ml roles" after what the member needs: the level of the job says for whom, not what is asked ("do i
    /// need to know docker n kubernetes for entry lvl ml roles" had led with the internships and entry-level roles of
    /// stage 5). Not in a pay question, where the level is what is asked: no pay word on its line before or after it. The
    /// words before are looked for once "for … roles" has matched (it holds none of them); looked for first, at every
    /// position, they had made this the costliest reading, about 50 µs a question (round 35).
    /// </summary>
    [GeneratedRegex(@"\bfor\s+(?:an?\s+)?(?:entry[ -]?(?:level|lvl)|junior|jr|beginner|first)\s+(?:(?:ml|mle|machine learning|ml engineer(?:ing)?)\s+)?(?:roles?|jobs?|positions?)\b(?<!\b(?:pay|pays|paid|salary|salaries|earn|earns|make|makes|package|comp|money)\b.*)(?!.*\b(?:pay|pays|paid|salary|salaries|earn|earns|make|makes|package|comp|money)\b)")]
    private static partial Regex ForALevelsRoles();

    /// <summary>
    /// The field named only to say the question is not about it ("chef question not ML: whats the best way to keep a
    /// sourdough starter alive" had led with the roadmap, the field being named): it makes nothing about the field.
    /// </summary>
    [GeneratedRegex(@"\b(?:not|unrelated to|nothing to do with|off topic from|off-topic from)\s+(?:about\s+|related to\s+)?(?:ml|machine learning|ai)\b(?!\s+(?:engineer|engineers|engineering|jobs?|roles?)\b)")]
    private static partial Regex NotTheField();

    /// <summary>
    /// "much" as members misspell it ("how mutch do junior mles get payed"): a stop word, so the typo corrector, which only
    /// knows the names in the knowledge, cannot mend it, and "how much" is what marks a pay question.
    /// </summary>
    [GeneratedRegex(@"\b(?:mutch|mich|muc|mucj)\b")]
    private static partial Regex Much();

    /// <summary>
    /// "make" set against another's pay, read as "earn": "do ml engineers make more than data scientists", "does an mle make
    /// less than a swe", "make as much as", "make almost double what another makes" (round 27). Not "make more projects" (no
    /// "than" or "as" follows).
    /// </summary>
    [GeneratedRegex(@"\bmak(?:e|es|ing)(?=\s+(?:(?:way|much|a lot|slightly|a bit)\s+)?(?:more|less)(?:\s+money)?\s+than\b|\s+as much(?:\s+money)?\s+as\b|\s+the same(?:\s+money)?\s+as\b|\s+(?:almost\s+|nearly\s+|about\s+)?(?:double|twice|triple|half)\b)")]
    private static partial Regex EarnMoreSense();

    /// <summary>
    /// "neural network(s)" and "neural net(s)", read as "deep learning", the knowledge's name for them: the model is not the
    /// networking of the networking entry ("do i need to learn neural networks" was answered with where to meet people).
    /// </summary>
    [GeneratedRegex(@"\bneural[ -]+n(?:et|t|e)\w*\b(?!\s+in\s+(?:the|our|a|my|your)\s+brains?)")]
    private static partial Regex NeuralNetwork();

    /// <summary>
    /// "prep" on its own, read as "prepare": "how do i prep for interviews" is not about data prep (preprocessing), whose
    /// entry lists "data prep" among its names and so taught the index the word.
    /// </summary>
    [GeneratedRegex(@"(?<!\bdata[ -]+)\bprep(?:ping|ped|s)?\b")]
    private static partial Regex PrepareSense();

    /// <summary>
    /// "my github" (profile, page, account), read as "my portfolio": the member's own GitHub is their showcase of projects
    /// ("how do i make my github look good to recruiters"), not GitHub the community of the communities entry.
    /// </summary>
    [GeneratedRegex(@"\bmy github(?: profile| page| account| repos?)?\b")]
    private static partial Regex OwnGithub();

    /// <summary>
    /// A GitHub project or repo, read as a portfolio project: "whats a good github project for ml" asks what to build and
    /// show, not about GitHub the community (it had led with why to join communities). So do projects put on GitHub ("should
    /// i put my projects on github", round 26). Not repos to learn from ("best github repos to learn ml from"), which are
    /// resources.
    /// </summary>
    [GeneratedRegex(@"\bgithub\s+(?=(?:projects?|repos?|repositories)\b)(?![^?.!]*\b(?:learn|learning|study|studying)\b[^?.!]*\bfrom\b)|(?<=\b(?:projects?|work|code|notebooks?|models?)\s+(?:on|to)\s+)github\b")]
    private static partial Regex GithubProject();

    /// <summary>
    /// GitHub named beside jobs, employers, recruiters or a resume, read as "portfolio": "is github important for ml jobs"
    /// asks about showing one's work, not about GitHub the community.
    /// </summary>
    [GeneratedRegex(@"\bgithub\b(?=[^?.!]*\b(?:jobs?|employers?|recruiters?|hiring|hired|resumes?|cvs?|interviews?)\b)|(?<=\b(?:jobs?|employers?|recruiters?|hiring|hired|resumes?|cvs?|interviews?)\b[^?.!]*)\bgithub\b")]
    private static partial Regex GithubForJobs();

    /// <summary>
    /// "just use (the) libraries": the shortcut a member weighs against learning something ("is linear algebra really
    /// necessary or can i just use the libraries", "is it bad to just use libraries without knowing how the algorithms
    /// work", round 30: "is it fine to skip linear algebra and just learn the libraries"; round 36: "…or can i get by letting
    /// the libraries do the heavy lifting", turned away for "lifting"). The question is about that something, so the
    /// shortcut is not read as a question about the libraries.
    /// </summary>
    [GeneratedRegex(@"\bjust (?:use|using|call|calling|learn|learning|rely on|relying on) (?:the |some |a )?(?:libraries|library|libs|frameworks|framework|packages|apis?)\b|\b(?:let|letting|have|having) (?:the )?(?:libraries|libs|frameworks|packages|tools) (?:do|handle) (?:the |all the |most of the )?(?:heavy lifting|work|maths?|rest)\b")]
    private static partial Regex JustUseLibraries();

    /// <summary>
    /// "on my laptop", "from my laptop" where the sentence speaks of deploying, scaling or serving: where the model runs now,
    /// not a question about hardware, which the sources do not cover ("What does it take to scale a model from my laptop to
    /// serving real users?", "Once a model works on my laptop, how does it actually get out into the real world?" had been
    /// turned away for "laptop", round 30). A laptop asked about ("is a macbook good for training models") stays one, and so
    /// does one in a sentence of its own ("My PhD code works fine on my laptop.", which the question beside it answers).
    /// </summary>
    [GeneratedRegex(@"\b(?:on|from|off)\s+(?:my|a|your|the)\s+(?:own\s+|local\s+)?(?:laptop|pc|desktop|local machine)\b(?=[^.?!]*\b(?:scal\w+|serv(?:e|ing)|production|prod|deploy\w*|real (?:users|world|people))\b|(?<=\b(?:scal\w+|serv(?:e|ing)|production|prod|deploy\w*)\b[^.?!]*))")]
    private static partial Regex LaptopAsPlace();

    /// <summary>
    /// "the rest of the country", "across the country": other places in the United States the figures cover, not another
    /// country ("fact check: sf and nyc pay mles way more than the rest of the country" had been turned away as a question
    /// about another country's pay, round 30).
    /// </summary>
    [GeneratedRegex(@"\b(?:the\s+)?rest\s+of\s+the\s+(?:country|us|usa|states|nation)\b|\b(?:across|around)\s+the\s+(?:country|us|usa|states|nation)\b")]
    private static partial Regex RestOfTheCountry();

    /// <summary>
    /// Low pay as the price of a step ("are ml internships worth it if the pay is low", "is it smart to take a lower paying
    /// internship", "an underpaid first job"): the member weighs the step, not what ML engineers earn (round 30: both had
    /// been turned away as questions about interns' pay, which the sources do not give).
    /// </summary>
    [GeneratedRegex(@"\b(?:if|even if|when|though|although|since)\s+(?:the\s+|its\s+|it'?s\s+|it\s+)?(?:pay|salary|stipend)\s+(?:is\s+)?(?:low|bad|terrible|tiny|small|nothing)\b|\b(?:lower|low|poorly|badly)[- ]pa(?:ying|id)\b|\bunderpaid\b")]
    private static partial Regex LowPayOfAStep();

    /// <summary>
    /// "paid" before a thing ("paid ones", "paid courses", "a paid plan"): what something costs, not what a job pays, so it
    /// is dropped rather than read as the salary synonym ("best free online courses? can't afford paid ones").
    /// </summary>
    [GeneratedRegex(@"\bpaid(?= (?:ones?|courses?|version|versions|plans?|options?|resources?|programs?|programmes?|bootcamps?|certs?|certifications?|tools?|subscriptions?|content|tutorials?|classes|materials?|coursera|udemy|udacity|edx|datacamp)\b)")]
    private static partial Regex PaidThing();

    /// <summary>
    /// "pay" for a thing that costs, with or without the amount ("should i pay $1500 for a bootcamp", "is it worth paying
    /// for a course", "should i pay for my son to get a certification", "is the tensorflow certificate worth paying for"): what the member spends, not what a job pays
    /// (round 24: the first was turned away for not speaking of pay). The money sign is read as money before this runs.
    /// Dropped, as <see cref="PaidThing"/> is.
    /// </summary>
    [GeneratedRegex(@"\bpay(?:ing)?(?=\s+(?:money\s*)?(?:\d[\d,.]*k?\+?\s+)?for\s+(?:a |an |the |my |this |that |one |any )?(?:bootcamps?|courses?|degrees?|masters|certs?|certifications?|certificates?|programs?|programmes?|nanodegrees?|classes|class|tuition|subscriptions?|coursera|udemy|udacity)\b|\s+for\s+(?:my |his |her |their )?(?:son|daughter|kid|kids|child|children|teen)\b)|(?<=\bworth )pay(?:ing)?\b")]
    private static partial Regex PayForAThing();

    /// <summary>
    /// "what do recruiters even look at": what they look for, which is the skills entry's phrase (round 24: turned away, as
    /// "look at" said nothing the knowledge knows). So is what they "are looking for" (round 36: "what skills recruiters are
    /// looking for junior ml engineer" had led with entry-level roles).
    /// </summary>
    [GeneratedRegex(@"\b(recruiters?|employers?|companies|interviewers?)(?: (?:are|r))?(?: (?:even|actually|really|usually))? look(?:s|ing)? (?:at|for)\b")]
    private static partial Regex LookAt();

    /// <summary>
    /// "ml roles", "mle roles": the ML engineer's job, the field every question is about, not the word "roles" that the
    /// management roles' heading says ("what do recruiters look at when hiring for ml roles" led with management). Not
    /// "a first ml role", which is the entry level.
    /// </summary>
    [GeneratedRegex(@"(?<!\bfirst )\b(?:ml|mle|machine learning|ml engineering?|ml engineer) roles?\b")]
    private static partial Regex MlRoles();

    /// <summary>
    /// "ml eng", "ml engg": members' shorthand for the ML engineer, which names the role as the full words do ("explain what
    /// an ml eng does" is a question about the role; round 25).
    /// </summary>
    [GeneratedRegex(@"\b(?:ml|machine learning) (?:eng|engg|engr)\b")]
    private static partial Regex MlEng();

    /// <summary>
    /// "a first date", "dating": romance, which no source covers, not a first project ("ideas for a first date in a small town"
    /// had led with project ideas, round 31). Not "up to date" nor "a start date".
    /// </summary>
    [GeneratedRegex(@"\b(?:first|second|third|romantic|dinner|movie|coffee) dates?\b|\bdating\b")]
    private static partial Regex ADate();

    /// <summary>
    /// "i'm a teacher, …", "hello, i am a nurse. …": who the member is, said first, is the question's context ("i'm a
    /// teacher, how do i become an ml engineer" had been turned away for "teacher", another field's word; round 31). Not a
    /// self-description in the field's own words ("i'm a data analyst", "i'm a beginner"), which its answers may use, nor an
    /// age ("im 35, …") or a subject studied ("im a bio major, …"). Round 33: so are "teacher here, …", "former accountant,
    /// …" and "Teacher of high school maths for 10 years. …", which had been turned away the same way.
    /// </summary>
    [GeneratedRegex(@"^\W*(?:(?:hi|hello|hey)\W+)?(?:(?:i'?m|i am) an? |(?:former|ex-|ex|retired) (?:an? )?)(?!" + FieldSelves + @")(?!\d)\w+(?: (?!major|minor|degree|student|grad|graduate|years?\b)\w+)?(?= *[,.;!]| here\b)"
        + @"|^\W*(?:(?:hi|hello|hey)\W+)?(?:an? )?(?:(?:high|middle) school )?(?!" + FieldSelves + @"|(?:swes?|ds|noob|newbie|n00b|lurker|mles?|cs|someone|anyone|nobody|who|what|which)\b)(?!\d)[a-z]+(?: (?!" + FieldSelves + @")[a-z]+)? (?:here|(?:of|for) (?:[a-z-]+ ){0,4}?\d+\+? ?(?:years?|yrs?))(?= *[,.;!])")]
    private static partial Regex WhoIAm();

    /// <summary>
    /// "i work in retail, how do i become an ml engineer", "im 35 and work in retail, is becoming an mle realistic": where the
    /// member works, said as a clause of its own, is the question's context, as who they are is (<see cref="WhoIAm"/>; round
    /// 36: both had been turned away for "retail"). Not work in the field's own words ("i work in data", "working in ml").
    /// </summary>
    [GeneratedRegex(@"(?:^\W*(?:i\s+|i'?m\s+|i am\s+)?|\band\s+(?:i\s+)?)(?:currently\s+|now\s+)?(?:work|working)\s+(?:in|at)\s+(?:an?\s+|the\s+)?(?!" + FieldSelves + @"|tech\b|ai\b|it\b)[a-z]+(?:\s+(?!" + FieldSelves + @")[a-z]+)?(?=\s*[,.;!])")]
    private static partial Regex WhereIWork();

    /// <summary>
    /// "swe to mle switch": a move from another role to this one, typed short, which the comparison of the two roles
    /// answers (round 36, from the terse batch: it had led with the practices). Not with "how" ("swe to mle how", round 33),
    /// which asks for the path.
    /// </summary>
    [GeneratedRegex(@"(?<!\bhow\b.*)\b(?<from>swes?|software eng\w*|software dev\w*|ds|data scien\w*)\s*(?:to|->|→|=>)\s*(?:mles?|ml eng\w*|machine learning eng\w*)\b(?!.*\bhow\b)")]
    private static partial Regex RoleToRole();

    /// <summary>
    /// "mech eng degree, good enough or do i need to go back for cs", "im doing mechanical engineering, can i still become an
    /// ml engineer", "I studied mechanical engineering, not CS": a degree in another branch of engineering, which the degree
    /// entries answer as a related field (round 36: all three, in a batch and the helpers' set, had been turned away for
    /// "mech" or "mechanical"). Only as a degree or as what the member studies: not an engineer by trade ("mechanical engineer
    /// here"), the field a member switches from ("career switch from mechanical engineering to ml", <see cref="ComingFrom"/>),
    /// nor "civil engineering internship in dubai", someone else's field. A degree's subject after "masters in" is
    /// <see cref="DegreeSubject"/>'s: who asks.
    /// </summary>
    [GeneratedRegex(@"\b" + EngineeringBranch + @"\s+degree\b|(?<=\b(?:studied|study|studying|doing|did)\s+(?:an?\s+)?)" + EngineeringBranch + @"\b")]
    private static partial Regex EngineeringSubject();

    /// <summary>A branch of engineering other than software, as <see cref="EngineeringSubject"/> reads it: "mech eng", "civil engineering".</summary>
    private const string EngineeringBranch = @"(?:mech|mechanical|civil|electrical|electronics?|chemical|aerospace|industrial|structural)\s+(?:eng|engg|engineering)";

    /// <summary>
    /// "how do i network when im just a student lol i dont know anyone in tech…", "how do i network when literally my whole
    /// network is academics?": after "how do i …", a clause of when the member is or has is their situation, not the
    /// question's topic (round 36: both had been turned away for the situation's words). The question up to "when" is kept.
    /// Not "how do i know when im ready to apply", whose "when" is what it asks.
    /// </summary>
    [GeneratedRegex(@"(?<keep>\bhow\s+(?:do|can|should|would)\s+i\s+(?!know\b|tell\b|decide\b)\w+(?:\s+\w+){0,3}?)\s+when\s+(?:i|im|i'm|i am|i've|ive|my|literally|all)\b[^.?!]*")]
    private static partial Regex WhenIAmAfterHow();

    /// <summary>
    /// The member's year of study ("im a junior in college, how do i land an ML internship…", "i'm a final year student at
    /// uni"): who asks, not a degree question nor a career level (round 34: the first had led with the bachelor's degree).
    /// </summary>
    [GeneratedRegex(@"\b(?:i'?m|i am) an? (?:junior|senior|sophomore|freshman|(?:first|second|third|fourth|final|last|1st|2nd|3rd|4th) year(?: student)?) (?:in|at) (?:college|uni|university|school|high school)\b")]
    private static partial Regex YearInCollege();

    /// <summary>
    /// What the member lacks, listed ("starting literally from zero, no coding no math", "no cs, no maths"): where
    /// they start, from nothing, not a question about coding or maths (round 34: the roadmap question had led with the maths
    /// topics). One "no maths" alone may be what is asked ("can i be an mle with no math") and stays.
    /// </summary>
    [GeneratedRegex(@"\bno (?:coding|code|programming|maths?|mathematics|stats|cs)(?:\s*(?:,|and|or|&|\+)?\s*no (?:coding|code|programming|maths?|mathematics|stats|cs)\b)+")]
    private static partial Regex NothingYet();

    /// <summary>
    /// Whom a judgement is for, by their job ("would an online masters be worth it for a DS trying to become MLE"): who
    /// asks, not the data scientist role, whose comparison had led (round 34).
    /// </summary>
    [GeneratedRegex(@"\b(?:for|as) an? (?:ds|data scientist|data analyst|da|swe|software engineer|software dev|developer|dev|analyst|backend dev|backend engineer) (?:trying|wanting|looking|hoping|planning|aiming) to\b")]
    private static partial Regex SomeoneTryingTo();

    /// <summary>
    /// "someone who already works with real data every day": how often the member works with data, not a typical day of
    /// the job ("is kaggle worth the time for someone who…" had led with the typical day, round 34).
    /// </summary>
    [GeneratedRegex(@"\b(?<keep>works?|working) with (?:real |actual |messy |real-world )?data (?:every ?day|daily|all day)\b")]
    private static partial Regex DataEveryDay();

    /// <summary>
    /// "paying for everything myself", "i'd be paying for it": what the member spends, not pay ("are ML conferences worth
    /// it for a beginner? they look expensive and i'm paying for everything myself" had led with the average salary,
    /// round 34).
    /// </summary>
    [GeneratedRegex(@"\bpay(?:ing)? for (?:it|them|this|that|everything|all of it|courses?|bootcamps?|certs?|certifications?|tickets?|travel)\b")]
    private static partial Regex PayingFor();

    /// <summary>
    /// "springboard costs like my whole year salary": a price measured in the member's pay, not a question about pay
    /// ("is bootcamp worth it? springboard costs like my whole year salary here in philippines" had been turned away as
    /// pay outside the United States, round 34).
    /// </summary>
    [GeneratedRegex(@"\bcosts?\s+(?:like\s+|about\s+|almost\s+|nearly\s+|more than\s+|as much as\s+)?(?:my\s+|a\s+)?(?:whole\s+|full\s+|entire\s+)?(?:years?'?s?|months?'?s?|annual|yearly|monthly)\s+(?:salary|pay|income|wages?)\b")]
    private static partial Regex CostsASalary();

    /// <summary>
    /// "a good career for next 10 yrs", "still a good career bet for the next 10 years": how long the career lasts, its
    /// demand in the long term (round 34: the first had led with the AI engineer comparison, the second with pay by
    /// location). Only after the career, job or field it is said of: "what should i do in the next 2 years" is a plan.
    /// </summary>
    [GeneratedRegex(@"\b(?<keep>(?:career|job|field|role|bet)\b[^.?!]{0,30}?)\s+(?:for|over|in)\s+(?:the\s+)?next\s+(?:few|couple of|\d+|two|three|five|ten|twenty)\s+(?:years?|yrs?|decades?)\b")]
    private static partial Regex CareerForYears();

    /// <summary>
    /// "pt vs tf", "tf or pt": PyTorch and TensorFlow as members type them on a phone (round 34: turned away). Alone, "pt"
    /// and "tf" are too often something else (part-time, "wtf").
    /// </summary>
    [GeneratedRegex(@"\bpt (?:vs\.?|or|versus) tf\b|\btf (?:vs\.?|or|versus) pt\b")]
    private static partial Regex PtVsTf();

    /// <summary>"prob and stats", "prob &amp; stats": probability and statistics (round 34: "prob and stats enough?" was turned away).</summary>
    [GeneratedRegex(@"\bprob(?:ability)? (?:and|&|\+|n) stats\b")]
    private static partial Regex ProbAndStats();

    /// <summary>
    /// "comp sci", "compsci": computer science, not "comp" (pay) and "sci" ("second year comp sci in the us… is ML
    /// engineering still a good career bet" had led with what moves pay, round 34).
    /// </summary>
    [GeneratedRegex(@"\bcomp\.? ?sci\b")]
    private static partial Regex CompSci();

    /// <summary>What members call themselves in the field's own words, which <see cref="WhoIAm"/> keeps.</summary>
    private const string FieldSelves = @"(?:data|ml|machine|software|beginner|junior|senior|complete|total|self|new|fresh|recent|backend|frontend|full|web|student|grad|graduate|dev|developer|programmer|engineer|analyst|scientist|researcher|phd|intern|bootcamp|career)\b";

    /// <summary>"a family tree": genealogy, which no source covers, not a decision tree.</summary>
    [GeneratedRegex(@"\bfamily trees?\b")]
    private static partial Regex FamilyTree();

    /// <summary>
    /// Model trains, kits and planes: a hobby, which no source covers, not an ML model ("model train sets" had led with
    /// deployment; round 25, from off-topic messages a helper wrote to share the field's words).
    /// </summary>
    [GeneratedRegex(@"\bmodel (?:trains?|railways?|railroads?|kits?|planes?|aeroplanes?|airplanes?|cars?|ships?|rockets?)\b")]
    private static partial Regex ModelHobby();

    /// <summary>
    /// "which train is fastest from delhi to mumbai", "train tickets", "the train station": a train to ride, which no source
    /// covers, not training a model (round 36: the first had led with the faster and cheaper routes into the field, from a
    /// helper's off-topic messages).
    /// </summary>
    [GeneratedRegex(@"\bwhich trains?\s+(?:is|are|goes|go|should)\b|\btrains?\s+(?:tickets?|stations?|fares?|timetables?|journeys?|rides?)\b")]
    private static partial Regex TrainRide();

    /// <summary>
    /// "coding vs meetings": how an ML engineer's day is split, the daily work, not programming ("what does an mle actually
    /// do all day, and how much of it is coding vs meetings" led with why programming matters; round 25). So is "mostly coding
    /// or mostly math" ("what does an ml engineer actually do all day?? like is it mostly coding or mostly math", round 34),
    /// and "modeling vs plumbing and infra"; a third part of the day after them ("meetings vs coding vs data wrangling
    /// ratio") is read with them. So are "more coding or more math", "just coding or what" and "…or is it heads down coding
    /// all day" (round 35, from students and career changers).
    /// </summary>
    [GeneratedRegex(@"(?:\b(?:coding|code|programming)\s+(?:vs\.?|versus|or|and)\s+(?:meetings?|talking to people|emails?|calls)\b|\b(?:meetings?|calls)\s+(?:vs\.?|versus|or|and)\s+(?:actual\s+)?(?:coding|code|programming)\b|\bmostly\s+(?:coding|code|programming|maths?|theory|research)\s+(?:vs\.?|versus|or)\s+(?:mostly\s+)?(?:coding|code|programming|maths?|theory|research|meetings?)\b|\b(?:modell?ing|training models|models)\s+(?:vs\.?|versus|or)\s+(?:mostly\s+)?(?:plumbing|infra|infrastructure)\b|\b(?:more|just|mostly)\s+(?:coding|code|programming|maths?|theory|research)\s+or\s+(?:more\s+(?:coding|code|programming|maths?|theory|research|meetings?)|what)\b|\bor\s+is\s+it\s+(?:more\s+|mostly\s+|all\s+|just\s+)?(?:heads?[- ]down\s+)?(?:meetings?|coding|code|programming)(?:\s+all\s+day)?\b)(?:\s+(?:vs\.?|versus|or|and)\s+(?:data\s+)?(?:wrangling|cleaning|modell?ing|research|meetings?|coding|code|emails?)\b)*")]
    private static partial Regex CodingVsMeetings();

    /// <summary>Clouds in the sky: "cloud types for kids" had led with the types of learning.</summary>
    [GeneratedRegex(@"\bcloud (?:types|formations?|shapes)\b|\btypes of clouds\b|\b(?:rain|storm|white|grey|gray|dark) clouds?\b|\bclouds? in the sky\b")]
    private static partial Regex SkyClouds();

    /// <summary>
    /// The bot addressed as the member's mentor ("Respected mentor, what is the salary…", "dear mentor", "mentor, is…"):
    /// whom the member speaks to, not mentorship ("Respected mentor, what is the salary of machine learning engineer in
    /// America?" had been turned away, its best passage being the one on mentors; round 26).
    /// </summary>
    [GeneratedRegex(@"\b(?:respected|dear|hi|hello|hey|thanks|thank you)\s+(?:mentor|mentorbot)\b|^\W*(?:mentor|mentorbot)\s*[,:!]")]
    private static partial Regex AddressesTheMentor();

    /// <summary>
    /// "machine learning engineer post", as Indian English names a job opening: the role, not a blog post; and "skills
    /// required", which asks for the skills as "what skills do i need" does ("Kindly tell me the skills required for machine
    /// learning engineer post" led with writing about your work; round 26).
    /// </summary>
    [GeneratedRegex(@"(?<=\b(?:engineer|engineering|developer|scientist|analyst|mle|ml|role)\s+)posts?\b|(?<=\bskills?\s+)(?:required|requirements?|needed)\b")]
    private static partial Regex JobPost();

    /// <summary>"top 5 skills", "top 10 resources": how many, not a topic (the number matched the experience stage's headings).</summary>
    [GeneratedRegex(@"\btop\s+(?:\d+|three|five|ten)\b")]
    private static partial Regex TopN();

    /// <summary>A day off, leave or a vacation: time away from work, which no source covers, not the ML engineer's day.</summary>
    [GeneratedRegex(@"\b(?:days?|time|week|afternoon|morning)\s+off\b|\b(?:annual|sick|parental|maternity|paternity) leave\b|\bsick days?\b|\bpto\b|\bvacation days?\b")]
    private static partial Regex TimeOff();

    /// <summary>"a feature article", "a feature story for my school paper": journalism, which no source covers, not a feature of data.</summary>
    [GeneratedRegex(@"\bfeatures?[ -](?:articles?|stories|story|writing|writers?|pieces?)\b")]
    private static partial Regex FeatureStory();

    /// <summary>"a feature film", "feature-length": cinema, not a feature of data.</summary>
    [GeneratedRegex(@"\bfeatures?[ -](?:films?|movies?|length)\b")]
    private static partial Regex FeatureFilm();

    /// <summary>
    /// "what an ML engineer makes right out of college", "what mles make in europe": "make" meaning "earn" after "what" and
    /// the people who earn it, with no "do" between (<see cref="EarnSense"/>); not "what makes a good portfolio" (nobody
    /// before it) nor "what projects you make" (round 27).
    /// </summary>
    [GeneratedRegex(@"\bmak(?:e|es)\b(?<=\bwhat\s+(?:\S+\s+){0,3}?(?:engineers?|mles?|they|people|juniors?|seniors?|grads?|graduates?|freshers?|interns?)\s+mak(?:e|es))(?!\s+(?:a|an|the|my|your|their|it|this|that|them|me|us|use|sure|someone|people|you)\b)")]
    private static partial Regex WhatTheyMake();

    /// <summary>
    /// Being offered as pay, after "how much" or "what": "how much do new ML engineers usually get offered in their first
    /// year", "what are juniors offered" (round 28, from messages that say who the member is before asking).
    /// </summary>
    [GeneratedRegex(@"(?=\boffered\b)(?<=\b(?:how much|what)\s[^?.!,;]*?\b(?:get|gets|got|getting|are|is|be|being|was|were)\s+(?:\S+\s+)?)offered\b")]
    private static partial Regex GetOffered();

    /// <summary>
    /// "how do i tell if my model is actually any good", "how do you know whether a model works": evaluating a model
    /// (round 27: it had led with how to read the salary figures, for "which numbers should i look at").
    /// </summary>
    [GeneratedRegex(@"\b(?:tell|know|check|see|judge)\s+(?:if|whether|how well|how good)\s+(?:my|a|the|your|our)\s+models?\b")]
    private static partial Regex IsTheModelGood();

    /// <summary>
    /// "how do i explain my model to managers who dont know tech", "explaining results to non-technical people": explaining
    /// results to stakeholders, which visualization is for, not management (round 27: it had led with management roles).
    /// Only asked how: "im not great at explaining stuff to non tech people, is that a dealbreaker" is about a trait.
    /// </summary>
    [GeneratedRegex(@"\bexplain\w*\b(?<=\bhow\b[^?.!]*?explain\w*)" + ToNonTechnicalPeople)]
    private static partial Regex ExplainToNonTechnical();

    /// <summary>
    /// Explaining to non-technical people said of oneself rather than asked how ("im not great at explaining stuff to non
    /// tech people, is that a dealbreaker"): the communication the traits name (<see cref="ExplainToNonTechnical"/>).
    /// </summary>
    [GeneratedRegex(@"\bexplain\w*\b" + ToNonTechnicalPeople)]
    private static partial Regex ExplainingAsATrait();

    /// <summary>Whom one explains to in <see cref="ExplainToNonTechnical"/> and <see cref="ExplainingAsATrait"/>: managers, clients, non-technical people.</summary>
    private const string ToNonTechnicalPeople = @"[^?.!]*?\bto\s+(?:my\s+|the\s+|our\s+)?(?:non[- ]?tech\w*\s+)?(?:managers?|bosses|boss|stakeholders?|clients?|business (?:people|folks)|people|folks|executives?|execs)\b";

    /// <summary>
    /// "do mles talk to product people or is it all heads down coding", "talking with business folks": working with other
    /// teams, the communication and collaboration the traits name (round 27: it had led with why programming matters); so
    /// is being bad at talking to people ("im not great at talking to people... can i still be a successful MLE?", round 28).
    /// </summary>
    [GeneratedRegex(@"\btalk(?:s|ing)?\s+(?:to|with)\s+(?:the\s+|other\s+)?(?:product|business|non[- ]?tech\w*|other teams?|stakeholders?|clients?|customers?)\b|\b(?:bad|not (?:great|good)|terrible|awful|shy about)\s+(?:at\s+)?talk(?:ing)?\s+(?:to|with)\s+(?:people|others|strangers)\b")]
    private static partial Regex TalkToOtherTeams();

    /// <summary>
    /// "before i start applying", "when should i start job hunting": starting to apply, not the start of the roadmap (round
    /// 27: "how many projects do I need before I start applying" had led with why the path starts where it does).
    /// </summary>
    [GeneratedRegex(@"\bstart(?:ing)?(?=\s+(?:applying|to apply|job hunting|interviewing|sending applications)\b)")]
    private static partial Regex StartApplying();

    /// <summary>
    /// "not the hype numbers pls": the member's doubt of inflated figures, not the demand that "hype" names elsewhere (round
    /// 27: "realistic starting salary for a junior MLE in the US? not the hype numbers pls" had led with industry demand);
    /// and "or is that just hype" after a question about pay ("is the pay actually good or is that just hype?", a parent's
    /// question in round 29), which asks for the figures. So does "make 6 figures right away, is that real or just thumbnail
    /// hype" (round 35, from students).
    /// </summary>
    [GeneratedRegex(@"\b(?:hype|hyped|inflated)(?=\s+(?:numbers|figures|salaries|salary|pay)\b)|\bor\s+(?:if\s+)?(?:is\s+(?:that|it|this)\s+|(?:it|that)'?s\s+|(?:it|that)\s+is\s+)?(?:just\s+|all\s+)?(?:(?:thumbnail|youtube|tiktok|linkedin|internet|clickbait|marketing)\s+)?(?:hype|hyped|overhyped)\b(?<=\b(?:pay\w*|salar\w*|money|paid|earn\w*|(?:6|six)[- ]figures?)\b[^.?!]{0,80})")]
    private static partial Regex HypeNumbers();

    /// <summary>
    /// "do ml engineers ever become managers or do u just code forever": moving into management, which the career growth
    /// entry names as "management" (round 35: it had led with why programming matters).
    /// </summary>
    [GeneratedRegex(@"\bbecom(?:e|es|ing)\s+(?:an?\s+)?managers?\b")]
    private static partial Regex BecomeAManager();

    /// <summary>
    /// "After a few years as an MLE, what are the typical next steps?": where the career goes after years in the role, which
    /// the career growth entry answers (round 36, from researchers: "typical" had read as the average pay and led with it).
    /// Only after years said of the role or the job: "next steps after learning python" are the roadmap's.
    /// </summary>
    [GeneratedRegex(@"\b(?:the\s+)?(?:typical\s+|usual\s+|normal\s+|common\s+)?next\s+(?:career\s+)?(?:steps?|moves?)\b(?<=\b(?:years?|yrs)\s+(?:as|in|of being)\b[^.?!]{0,60})")]
    private static partial Regex NextStepsAfterYears();

    /// <summary>
    /// "what skills do i need as a junior ml engineer", "what skills recruiters are looking for junior ml engineer": the level
    /// says whom the skills are for, not a question about entry-level roles (round 36, from members writing in a second
    /// language: both had led with internships and entry-level roles). Only after "skill": a junior's pay is still asked by
    /// level.
    /// </summary>
    [GeneratedRegex(@"\b(?:junior|entry[- ]level)(?=\s+(?:mles?|ml eng\w*|machine learning eng\w*|ml roles?|ml positions?)\b)(?<=\bskills?\b[^.?!]{0,50})")]
    private static partial Regex SkillsOfAJunior();

    /// <summary>
    /// "classic ml or deep learning first", "should I learn classic ML algorithms properly first or jump straight into deep
    /// learning": classic machine learning set beside deep learning is what Scikit-learn is for, which the frameworks' note
    /// puts first (round 36: four such questions, in the members' tune split, the helpers' set and two batches, had led with
    /// the types of learning). Only with deep learning in the same sentence.
    /// </summary>
    [GeneratedRegex(@"\bclassic(?:al)?\s+(?:(?:ml|machine learning)(?:\s+(?:algorithms?|algos?|models?))?|algorithms?|algos?)\b(?:(?=[^.?!]{0,80}\bdeep learning\b)|(?<=\bdeep learning\b[^.?!]{0,80}))")]
    private static partial Regex ClassicBesideDeep();

    /// <summary>
    /// "explain in normal words what that job is" (a parent asking for a child): what the role is (round 27: it had led
    /// with the foundations' checklist), and "can someone explain what the job even is" (round 35).
    /// </summary>
    [GeneratedRegex(@"\bwhat\s+(?:that|this|the)\s+(?:job|role|career)\s+(?:is|even is|actually is)\b")]
    private static partial Regex WhatThatJobIs();

    /// <summary>
    /// "what do ml engineers do", "wat do mles actually do": the plural of "what does an ml engineer do", which the role answers;
    /// in the plural the role's name had not counted as asked about and the question was turned away (round 31). Only before
    /// "do", so "what do ml engineers earn" and "what do ml engineers need to learn" keep their own topics.
    /// </summary>
    [GeneratedRegex(@"\b(?:what|wat)\s+do\s+(?:(?:ml|machine\s+learning)\s+engineers|mles)\b(?=\s+(?:actually\s+|really\s+|even\s+|exactly\s+|usually\s+)*do\b)")]
    private static partial Regex WhatTheyDo();

    /// <summary>
    /// "in normal words", "in simple terms", "in plain english": how to explain, not what (round 27). So are "like i'm five",
    /// "eli5" and "like i'm telling my grandma at dinner" (round 30: the last had been turned away for "dinner"), and "without
    /// dumbing it down", "dumb it down" (round 31: "how do you explain model results to non-technical managers without
    /// dumbing it down too much?" had been turned away for "dumbing").
    /// </summary>
    [GeneratedRegex(@"\b(?:without\s+)?dumb(?:ing|ed)?\s+(?:it|this|that|things|them)?\s*down(?:\s+too\s+much)?\b|\b(?:in|using)\s+(?:normal|simple|plain|easy|layman'?s?|everyday)\s+(?:words|terms|english|language)\b|\beli5\b|\b(?:like|as if)\s+(?:i'?m|i am)\s+(?:five|5|a (?:kid|child|toddler|beginner)|telling (?:my |a )?\w+)(?:\s+(?:at|over)\s+(?:dinner|lunch|breakfast|thanksgiving|christmas|a party))?\b")]
    private static partial Regex InPlainWords();

    /// <summary>
    /// "ngl im curious", "just curious": why the member asks, not curiosity the trait (round 27: "how much do senior mles
    /// make ngl im curious" had led with what moves pay instead of the figures). Only said last, or before chat filler or an
    /// emoji: "im curious but a slow learner, can i make it" is the trait.
    /// </summary>
    [GeneratedRegex(@"\b(?:i'?m|i am|just)\s+(?:really\s+|so\s+|genuinely\s+|kinda\s+)?curious\b(?=\s*(?:$|[^\w\s]|(?:lol|tho|ngl|haha|lmao|tbh)\b))")]
    private static partial Regex JustCurious();

    /// <summary>
    /// "what should I NOT waste time learning", "which frameworks are not worth learning", "what NOT to put on my resume",
    /// "the biggest mistakes people make": a question asking what to avoid, which neither source lists (they say what to
    /// do), read as "what to avoid", a topic synonyms.md lists as not covered. They had led with the skills, frameworks or
    /// certifications to get (round 27). Not "what if i don't have a degree" nor "is it a mistake to skip a masters".
    /// </summary>
    [GeneratedRegex(@"\b(?:not|never|don'?t|doesn'?t|shouldn'?t|aren'?t|isn'?t)\b(?<=^\s*(?:(?:hey|hi|so|ok|okay)\W+)*(?:what|which)\s+(?:(?!if\b)[\w']+\s+){0,3}?(?:not|never|don'?t|doesn'?t|shouldn'?t|aren'?t|isn'?t))"
        + @"|\bmistakes?\b(?<=\b(?:what|which|whats|top|biggest|common|typical|main|worst)\b[^?.!]*?mistakes?)|\bpitfalls?\b")]
    private static partial Regex WhatToAvoid();

    /// <summary>
    /// Another job first, then ML, set against going straight for it ("smarter to apply for data analyst jobs first and
    /// switch to MLE later, or go straight for MLE?", "do i go ds first then mle or jump straight to mle", "first get
    /// software engineer job and then move to ML, or apply direct to ML jobs"): a route through a stepping-stone job, which
    /// neither source weighs, read as "another job first", a topic synonyms.md lists as not covered. They had led with
    /// where to start programming or the data scientist comparison (round 33, four batches). Only with "then", "later",
    /// "straight" or "direct" after it: "do i need to be a software engineer first" asks what the role builds on.
    /// </summary>
    [GeneratedRegex(@"(?:\b(?:" + SteppingStoneRoles + @")\s+(?:jobs?\s+|roles?\s+|positions?\s+)?first|\bfirst\s+(?:get|take|do|work(?:\s+as)?|land)\s+(?:an?\s+)?(?:" + SteppingStoneRoles + @")(?:\s+(?:jobs?|roles?|positions?))?)\b(?=[^?!.]*\b(?:then|later|straight|direct|directly)\b)")]
    private static partial Regex AnotherJobFirst();

    /// <summary>
    /// Cloud with the big three in brackets as examples ("do i need to know cloud (aws/gcp/azure) to be an ML engineer",
    /// "is cloud stuff (aws/gcp/azure) needed for junior ml roles", "cloud stuff like sagemaker / vertex"): cloud platforms,
    /// which the deployment entry covers, not GCP or SageMaker, which no source names and which had turned the questions
    /// away (round 33: three batches and the helpers' set). "which cloud should i learn, aws gcp or azure" still asks which.
    /// </summary>
    [GeneratedRegex(@"\bcloud(?:\s+(?:stuff|skills|platforms?|computing|services|providers?|things))?(?:\s*\(\s*" + CloudNames + @"(?:\s*(?:[/,|&]|or|and)\s*" + CloudNames + @")+\s*(?:,?\s*etc\.?)?\s*\)|\s+(?:like|such as|e\.g\.?)\s+" + CloudNames + @"(?:\s*(?:[/,|&]|or|and)\s*" + CloudNames + @")*)")]
    private static partial Regex CloudWithExamples();

    /// <summary>The cloud platforms and services members give as examples of cloud (<see cref="CloudWithExamples"/>).</summary>
    private const string CloudNames = @"(?:aws|gcp|azure|google cloud|sagemaker|vertex(?: ai)?)";

    /// <summary>
    /// The maths a member already has, said about themselves ("good at stats but weak at coding", "i know lots of math and
    /// some numpy", "a stats person", "a math master's (topology)", "i know calculus and linear algebra cold but zero
    /// coding", "i know the math side well but never coded", round 34): who asks, not what they ask about, which had led
    /// with the maths topics in the round 31 to 34 batches. Only beside what they lack ("but…") or as "lots of": "i know
    /// calculus, is that enough for ml" asks about the maths.
    /// </summary>
    [GeneratedRegex(@"\b(?:good|great|strong|solid|decent|comfortable)\s+(?:at|in|with)\s+(?:the\s+)?" + MathsHad + @"(?=\s*,?\s*but\b)"
        + @"|\bi\s+(?:already\s+)?know\s+(?:(?:lots of|a lot of|plenty of)\s+" + MathsHad + @"\b|(?:the\s+)?" + MathsHad + @"(?:\s+(?:side|part|stuff|bit))?(?:\s+(?:cold|well|already|inside out))?(?=[^.?!]*\bbut\b))"
        + @"|\b(?:a\s+)?(?:maths?|stats|statistics)\s+(?:person|guy|girl|nerd|background|type)\b"
        + @"|\b(?:pure\s+|applied\s+)?(?:maths?|stats|statistics)(?=\s+(?:undergrad|master'?s)\b)")]
    private static partial Regex HasTheMaths();

    /// <summary>
    /// "every day", "daily", "day to day" after the tools asked about ("what tools do mles use every day", "what tools do ml
    /// engineers use day to day"): how often, not a typical day, whose passage had led rather than the tools (round 33).
    /// </summary>
    [GeneratedRegex(@"(?<keep>\b(?:tools?|tooling|stack|tech stack|libraries|frameworks)\b[^.?!,]{0,40}?)\b(?:every ?day|daily|day[ -]to[ -]day|on (?:a|the) daily basis|at work|on the job)\b")]
    private static partial Regex ToolsEveryDay();

    /// <summary>
    /// "what should i build", "what to build", "what could i build on my own": which projects, which no passage answered
    /// for the one word "build" ("my uni only teaches theory so what should i build on my own to actually look hireable"
    /// had led with the degrees; "what should i build to get hired" was turned away; round 33).
    /// </summary>
    [GeneratedRegex(@"(?<keep>\bwhat\s+(?:(?:should|could|can|would|do)\s+(?:i|you|we|one)|to)\s+(?:even\s+|actually\s+)?)build\b(?!\s+(?:an?|the|my|your)\b)")]
    private static partial Regex WhatToBuild();

    /// <summary>
    /// The years a member has spent in the job they say they do ("i'm a backend dev with 5 yrs exp, whats the fastest way to
    /// move into mle"): who asks, not a question about experience, whose entry had led rather than the faster routes
    /// (round 33). Not in ML itself ("i'm a junior mle with 2 years experience, how much should i earn").
    /// </summary>
    [GeneratedRegex(@"(?<keep>\b(?:i'?m|i am)\s+an?\s+(?:(?!\b(?:ml|mle|machine learning|ai)\b)[^,.;!?]){1,60}?)\bwith\s+\d+\+?\s*(?:yrs?|years?|yoe)(?:\s+(?:of\s+)?(?:exp|experience))?\b")]
    private static partial Regex YearsInAnotherJob();

    /// <summary>
    /// "get me interviews", "land an interview": being hired, which the stop words already pass over ("hire", "land"), not the
    /// interview itself, which no source covers ("will a google cert actually get me interviews or is it just a badge" had
    /// been turned away for "interviews", round 33). Not asked how ("how do i get interviews for ml jobs" is the job
    /// search, which no source covers).
    /// </summary>
    [GeneratedRegex(@"\b(?:get|getting|gets|got|land|landing|lands|score|scoring)\s+(?:me\s+|you\s+|them\s+|people\s+)?(?:more\s+|any\s+)?(?:an?\s+)?interviews?\b(?<!\bhow\b[^?.!]*)")]
    private static partial Regex GetInterviews();

    /// <summary>The maths of <see cref="HasTheMaths"/>: one topic, or two joined by "and".</summary>
    private const string MathsHad = @"(?:maths?|stats|statistics|calculus|linear algebra|probability)(?:\s+(?:and|&)\s+(?:maths?|stats|statistics|calculus|linear algebra|probability))?";

    /// <summary>The jobs members weigh taking before ML (<see cref="AnotherJobFirst"/>).</summary>
    private const string SteppingStoneRoles = @"(?:an?\s+)?(?:data analyst|analyst|data scien\w*|ds|da|swe|software (?:engineer|engineering|dev|developer)|backend dev(?:eloper)?)";

    /// <summary>
    /// "mle salary starts at 200k": the starting salary, an entry-level figure (round 27: it had led with company size).
    /// </summary>
    [GeneratedRegex(@"(?<=\b(?:salary|salaries|pay|comp)\s+)starts?(?:\s+(?:at|from|around))?\b")]
    private static partial Regex PayStartsAt();

    /// <summary>
    /// "on a $0 budget", "on a tight budget", "with no budget": the member asks for the cheaper routes; the dollar sign is
    /// no pay ("how do i become an mle on a $0 budget" had led with the average salary; round 27).
    /// </summary>
    [GeneratedRegex(@"\$\s?0\b(?:\s+budget)?|\b(?:on|with)\s+(?:a\s+|an\s+)?(?:zero|no|tight|small|student|low|limited|shoestring)\s+budget\b|\bon a budget\b")]
    private static partial Regex OnABudget();

    /// <summary>
    /// "no money for bootcamps", "can't afford a bootcamp", "too broke for college": the member asks for the cheaper routes,
    /// not about pay ("no money for bootcamps, now what" had led with the money a job pays beside certifications; round 26).
    /// </summary>
    [GeneratedRegex(@"\b(?:no|not enough|little|zero) (?:money|cash|budget|funds)(?= (?:for|to)\b)|\bcan'?t afford\b|\bcannot afford\b|\btoo (?:broke|poor)\b")]
    private static partial Regex NoMoneyFor();

    /// <summary>
    /// "as a broke student", "i'm broke": who asks, not what a job pays nor a topic ("is it worth going to ml conferences as
    /// a broke student or waste of money" had led with the average salary, round 30).
    /// </summary>
    [GeneratedRegex(@"\b(?:as )?(?:an? )?broke (?:college |uni |university |grad )?(?:students?|grads?)\b|\bi['’]?m broke\b")]
    private static partial Regex BrokeAsWhoAsks();

    /// <summary>
    /// "guidance on…", "guidance regarding…": asking for advice, as "kindly advise" is, not for mentorship ("I humbly request
    /// guidance on how to keep my knowledge updated" had led with mentors; round 26). "I need guidance" alone still asks for a mentor.
    /// </summary>
    [GeneratedRegex(@"\bguidance (?=(?:on|about|regarding|for|with)\b)")]
    private static partial Regex GuidanceOn();

    /// <summary>
    /// "enter this profession", "get into the industry": becoming an ML engineer, which every question here is about, not
    /// entering a competition ("outline the steps to enter this profession" led with Kaggle; round 26).
    /// </summary>
    [GeneratedRegex(@"\b(?:enter|entering|get into|getting into|break into|breaking into)(?= (?:this|the|that) (?:profession|field|industry|career|domain)\b)")]
    private static partial Regex EnterTheField();

    /// <summary>
    /// "what does cross-validation mean", "explain what normalizing data means", "what does nlp stand for": asking what a
    /// term means, whose topic is the term; "mean" had matched the statistics of the foundations stage ("You are done
    /// when", round 26). Only at a clause's end, so "the mean and the median" stays a topic.
    /// </summary>
    [GeneratedRegex(@"\b(?:means?|stands? for)(?=\s*(?:[?.!,;)]|$))")]
    private static partial Regex WhatItMeans();

    /// <summary>
    /// "figure out", "figured out": working something out, not the salary figures ("how can i help my son figure out the
    /// steps to become a machine learning engineer" led with the pay figures; round 26).
    /// </summary>
    [GeneratedRegex(@"\bfigur(?:e|es|ed|ing)\s+(?:\w+\s+){0,3}(?=out\b)")]
    private static partial Regex FigureOut();

    /// <summary>
    /// "specialise in ML", "specializing in machine learning": choosing the field itself, as a student does, not one of its
    /// specializations (round 26, when "specialize" became a word for them).
    /// </summary>
    [GeneratedRegex(@"\bspeciali[sz](?:e|ed|ing) in (?:ml|machine learning|ai|artificial intelligence)\b")]
    private static partial Regex SpecializeInTheField();

    /// <summary>
    /// "to brag about in my portfolio", "to flex on my resume": where the member would show something, not what they ask
    /// about ("is accuracy the wrong metric to brag about in my portfolio?" led with project ideas; round 26). So is "…or is
    /// it just people bragging about promotions?" after a question about a site (round 36: it had led with promotion as
    /// career growth).
    /// </summary>
    [GeneratedRegex(@"\b(?:brag|boast|flex|show off)(?:\s+about)?\s+(?:in|on)\s+(?:my|a|your)\s+(?:portfolio|resume|cv|github|linkedin)\b|\bor\s+is\s+it\s+(?:just|all|mostly)\s+(?:people|ppl|folks|everyone|influencers)\s+(?:bragging|boasting|flexing|showing off|posting|humblebragging)\b[^.?!]*")]
    private static partial Regex BragAbout();

    /// <summary>
    /// "saw it in a job posting", "on every job ad": where the member met a term, not what they ask ("what is grid search??
    /// saw it in a job posting" led with the daily duties; round 26).
    /// </summary>
    [GeneratedRegex(@"\b(?:in|on|from)\s+(?:a|an|the|some|many|most|every|all|these|those)\s+(?:job\s+)?(?:postings?|posts?|ads?|adverts?|listings?|job descriptions?)\b")]
    private static partial Regex SeenInAJobPost();

    /// <summary>
    /// "zero industry experience", "experience in the industry": work experience, which is what it says of the member, not the
    /// industry that moves pay ("whats a fair first salary for an mle with zero industry experience" had led with the
    /// industries' demand, round 31).
    /// </summary>
    [GeneratedRegex(@"\bindustry experience\b|\bexperience in (?:the |any )?industry\b")]
    private static partial Regex IndustryExperience();

    /// <summary>
    /// "a cash grab", "a money grab", "a waste of money", "worth the money": what a member fears something is, as "scam" is,
    /// or what it costs, no topic and no pay (round 30). So is "wasting money on certifications", "wasted my money" (round 31:
    /// "feel like i'm wasting money on certifications nobody cares about" had led with what company size does to pay).
    /// </summary>
    [GeneratedRegex(@"\b(?:cash|money) ?grabs?\b|\bwaste of (?:money|cash)\b|\bworth (?:the|my|your) (?:money|cash)\b|\bwast(?:e|es|ed|ing) (?:(?:my|your|so much|a lot of|all my|good) )?(?:money|cash)\b")]
    private static partial Regex CashGrab();

    /// <summary>"makes sense", "that makes sense": an acknowledgement before a follow-up question, no topic.</summary>
    [GeneratedRegex(@"\b(?:that |it )?makes? sense\b")]
    private static partial Regex MakesSense();

    /// <summary>
    /// "my mentor says", "my manager said", "my stats prof swears": who told the member something is the question's
    /// context, not its topic ("my mentor says that's meaningless — when should i look at precision/recall" is not about
    /// finding a mentor, nor "my manager said i need to communicate results better" about management). So is "i keep
    /// hearing that curiosity matters more than credentials", which is not about keeping up (stage 7). Nor "my manager asked
    /// me what an ml engineer would even do for our company" about management, nor "my manager wants me to present model
    /// results to execs", and "someone on reddit said", "a youtuber claimed", "people say" are who said it (round 25). So are
    /// "a blog I read said", "a Medium article claimed" (round 29: "A blog I read said internships are useless…" had led with
    /// the blogs). Round 30: "my roommate says", "people keep mentioning" (which had led with keeping up).
    /// </summary>
    [GeneratedRegex(@"\bmy (?:\w+ )?(?:mentor|manager|boss|lead|prof|professor|teacher|lecturer|instructor|tutor|coach|recruiter|friend|colleague|coworker|teammate|uncle|aunt|dad|mom|mum|parents|roommate|flatmate|partner|wife|husband|girlfriend|boyfriend|brother|sister|cousin|neighbou?r|classmate) (?:says|said|told me|tells me|thinks|keeps saying|insists|swears(?: by)?|asked me|asks me|wants to know|wanted to know|wants me to)\b|\b(?:someone|somebody|some guy|a guy|people|ppl|everyone|a youtuber|youtubers|a recruiter|recruiters)(?: on \w+)? (?:says|said|say|claimed|claims|told me|keep saying|keeps saying|keep mentioning|keeps mentioning|keep talking about|keeps talking about|insist|insists)\b|\b(?:a|an|one|this|some) (?:\w+ )?(?:blog|blog post|post|article|video|podcast|book|thread|tweet|comment|course|bootcamp ad|ad)(?: (?:i|we) (?:read|saw|watched|found|heard))?(?: on \w+)? (?:says|said|say|claimed|claims|argued|argues|insisted|insists)\b|\bi keep (?:hearing|seeing|reading|being told|getting told)\b")]
    private static partial Regex SomeoneSays();

    /// <summary>
    /// "hiring manager(s)", "recruiting manager": the people who hire, the knowledge's "employers", not the management
    /// career step ("how do i turn 3 kaggle comps into something a hiring manager takes seriously" led with management roles).
    /// </summary>
    [GeneratedRegex(@"\b(?:hiring|recruiting) managers?\b")]
    private static partial Regex HiringManager();

    /// <summary>"job hunt", "job hunting", "job search": looking for a job, the knowledge's "job".</summary>
    [GeneratedRegex(@"\bjob[ -]+(?:hunt|hunting|search|searching)\b")]
    private static partial Regex JobHunt();

    /// <summary>"not a fan of", "not really a fan of": the member's taste, not the topic ("not a fan of writing blog posts").</summary>
    [GeneratedRegex(@"\b(?:not|never) (?:really |much of |a big |the biggest )?(?:a )?fan of\b")]
    private static partial Regex NotAFan();

    /// <summary>
    /// "what makes a good ml engineer", "what does it take to be a successful mle": the qualities of one, the traits entry's
    /// subject (Unite.AI's "traits of successful machine learning engineers"), not what the role is; "makes" goes too, or
    /// the reply would open at the trait that "makes the result meet expectations". Set against "an average one", it still
    /// asks for the traits, not for a comparison of roles.
    /// </summary>
    [GeneratedRegex(@"\b(?:makes?|takes? to be|to be|being)\s+(?:someone\s+|you\s+|me\s+)?(?:an?\s+)?(?:really\s+|truly\s+)?(?:good|great|successful|strong|excellent)\s+(?:(?:ml|machine learning)\s+engineers?|mles?)\b(?:\s+(?:vs\.?|versus|from|and)\s+(?:an?\s+)?(?:average|normal|mediocre|bad|ok|okay|regular)(?:\s+(?:one|ones|ml engineers?|mles?))?\b)?")]
    private static partial Regex WhatMakesAGoodOne();

    /// <summary>"know … cold" (by heart): how well, not a topic ("which algorithms should i know cold before applying").</summary>
    [GeneratedRegex(@"(?<=\b(?:know|learn)\b[^.?!,]{0,40}?)\bcold\b")]
    private static partial Regex KnowItCold();

    /// <summary>
    /// The subject or trade a member comes from ("a roadmap for someone coming from physics", "switching from accounting",
    /// "a nursing background", "switched from finance": round 32): who asks, not the topic, as with a degree's subject (<see cref="DegreeSubject"/>). Round 27;
    /// the subjects alone stay unknown words ("best way to study for my chemistry final" is someone else's topic). Round 36:
    /// more trades ("coming from mobile (kotlin/swift mostly)", turned away), with what the member says of it in brackets.
    /// </summary>
    [GeneratedRegex(@"\b(?<keep>(?:coming|come|comes|came|switching|switched|moving|moved|transitioning|transitioned|pivoting|pivoted) from (?:a |an )?)" + Backgrounds + @"\b(?:\s*\([^)]{0,40}\))?|\b" + Backgrounds + @" background\b")]
    private static partial Regex ComingFrom();

    /// <summary>
    /// Employers who hire only graduates of one subject ("can i still become ml engineer or they only hire cs grads", "do
    /// companies only take computer science majors"): a question about the degree, not about entry level, which "grads"
    /// alone says (round 34: the first had led with entry-level roles). Read before <see cref="DegreeSubject"/>, which would
    /// leave "grads" alone.
    /// </summary>
    [GeneratedRegex(@"\b(?:hire|hires|hiring|want|wants|take|takes|accept|accepts|prefer|prefers)\s+(?:only\s+)?(?:cs|computer science|stem)\s+(?:grads?|graduates?|majors?|people|students|degrees?)\b")]
    private static partial Regex HireByDegree();

    /// <summary>The subjects and trades of <see cref="ComingFrom"/>.</summary>
    private const string Backgrounds = "(?:physics|chemistry|biology|bio|economics|econ|psychology|neuroscience|accounting|nursing|teaching|retail|hospitality|law|marketing|sales|finance|medicine|pharmacy|architecture|mobile|ios|android|embedded|firmware|gamedev|game dev|qa|testing|sysadmin|support|journalism|civil engineering|mechanical engineering|electrical engineering)";

    /// <summary>
    /// The subject of a degree ("a math degree", "a physics bachelors", "a bio major", "major in math or cs", "degree in
    /// statistics", "a mechanical engineering degree", "a masters in ds"): the question is about the degree, so the subject is not read as the
    /// topic ("i have a math degree not cs, can i still become an mle" is not about maths). So is "studied math at uni"
    /// (round 30: "…does that give me a head start toward ML engineering?" had led with the maths topics), whose "studied"
    /// stays, and "a physics grad" (round 33), and "studying maths in krakow" where the message ends or pauses after the
    /// place (round 34).
    /// </summary>
    [GeneratedRegex(@"\b(?:maths?|mathematics|stats|statistics|physics|bio|biology|chemistry|econ|economics|cs|computer science|(?:(?:mechanical|civil|electrical|electronics|chemical|aerospace|industrial|biomedical) )?engineering|data science|ds|business|finance|psychology)(?= (?:degrees?|majors?|bachelors?|masters?|phd|bsc|msc|grads?|graduates?)\b)|(?<=\b(?:major|majoring|degree|bachelors?|masters?|bsc|msc)(?: is| was)? in (?:" + StudySubjects + @" (?:or|and|vs) )?)(?:maths?|mathematics|stats|statistics|physics|bio|biology|chemistry|econ|economics|cs|computer science|(?:mechanical|civil|electrical|electronics|chemical|aerospace|industrial|biomedical) engineering|data science|ds|business|finance|psychology)\b|\b(?<keep>stud(?:ied|ying) )(?:maths?|mathematics|stats|statistics|physics|biology|chemistry|economics|econ|cs|computer science|engineering|data science|business|finance|psychology)(?= (?:at|in) (?:uni|university|college|school\b|[a-zà-ÿ]+\s*(?:[,.?!]|$)))")]
    private static partial Regex DegreeSubject();

    /// <summary>The subjects a degree is in, as <see cref="DegreeSubject"/> reads them beside another ("major in math or cs").</summary>
    private const string StudySubjects = "(?:maths?|mathematics|stats|statistics|physics|bio|biology|chemistry|econ|economics|cs|computer science|data science|ds|business|finance|psychology)";

    /// <summary>
    /// "without a degree", "no cs degree", "w/o a college degree", "without a cs background", "i don't want to do a degree",
    /// "skip the degree" (round 26): the member asks about the
    /// routes other than a degree (the education stage's self-learning, bootcamps and certifications), so the degree is
    /// not the topic ("is it ok to learn ml without a cs background" had been turned away).
    /// </summary>
    [GeneratedRegex(@"\b(?:without|no|zero|w/o|dont have|don't have|never got|(?:don'?t|do not) want(?: to (?:do|get|go for|pay for))?|skip(?:ping)?(?: the)?)\s+(?:an?\s+|any\s+)?(?:(?:cs\s+|college\s+|uni\s+|university\s+|formal\s+|computer science\s+)?degree|(?:cs|computer science|tech|technical|stem|coding|programming)\s+(?:background|degree))\b")]
    private static partial Regex WithoutADegree();

    /// <summary>
    /// How the member wants the answer put ("short version", "tl;dr", "in simple words", "eli5", "like i'm 5"): the shape of
    /// the reply, not its topic ("list the stages to become an mle, short version" is a question about the stages; "explain
    /// what an ml eng does like im 5" led with the experience stage, whose headings hold the number 5).
    /// </summary>
    [GeneratedRegex(@"\b(?:short version|tl;? ?dr|in short|in a nutshell|in simple (?:words|terms|english)|in plain (?:words|terms|english)|eli5|briefly|in brief|like (?:i'?m|i am) (?:a )?(?:5|five)(?:[ -]years?[ -]old)?|like (?:to )?a (?:5|five)[ -]years?[ -]old)\b")]
    private static partial Regex AnswerShape();

    /// <summary>
    /// "besides coding", "apart from python", "other than accuracy": the one thing the member already has or rules out, so
    /// not what the question is about ("soft skills for ml engineer, what matters besides coding" asks about the rest). So
    /// is "beyond knowing the algorithms" ("Which skills matter most for an MLE beyond knowing the algorithms?" had led with
    /// the common algorithms, round 36).
    /// </summary>
    [GeneratedRegex(@"\b(?:besides|beyond|apart from|aside from|other than|except(?: for)?)\s+(?:(?:knowing|learning|doing|using)\s+)?(?:the |a |an |just |only )?[\p{L}\p{N}+#-]+")]
    private static partial Regex BesidesThat();

    /// <summary>
    /// "r" as chat for "are" ("what r the skills needed", "how r mles paid", "r u a bot"): after a question word and before
    /// what the question is about, or opening a question to "u". R the language keeps its name everywhere else ("python or
    /// r", "is r worth learning").
    /// </summary>
    [GeneratedRegex(@"\b(?<keep>(?:what|how|where|who|which|why|when|wat)\s)r(?=\s+(?:the|u|you|they|some|there|my|your|these|those|good|best|ml|mles|ai|most|common|main|top|mle|ml engineers|data)\b)|^\s*r(?=\s+(?:u|you)\b)")]
    private static partial Regex ChatAre();

    /// <summary>
    /// "hw" as chat for "how" ("hw much do mle make" had been turned away): only before what follows "how" in a question,
    /// so homework ("hw help") stays another topic.
    /// </summary>
    [GeneratedRegex(@"\bhw(?=\s+(?:much|mutch|many|do|does|did|to|can|long|should|is|are|r|would|important|hard)\b)")]
    private static partial Regex ChatHow();

    /// <summary>"2" as chat for "to" ("how 2 become ml engineer", "best way 2 learn"): before a verb of learning or becoming.</summary>
    [GeneratedRegex(@"(?<=\s|^)2(?=\s+(?:become|be|learn|get|start|study|land|break|switch|go|prepare|prep)\b)")]
    private static partial Regex ChatTo();

    [GeneratedRegex(@"[\p{L}\p{N}][\p{L}\p{N}'+#-]*")]
    private static partial Regex Word();

    /// <summary>
    /// An amount of money under ten thousand ("$500 total for learning", "registration is like $1000+", "the exam costs
    /// $300", "$1,200 for 4 months"): what something costs, never a salary, so not read as one (round 28: each had led
    /// with the salary figures).
    /// </summary>
    [GeneratedRegex(@"[$€£]\s?(?:\d{1,4}|\d,\d{3})(?:\.\d+)?\+?(?![\d,.]*\d|\s*k\b)")]
    private static partial Regex SmallAmount();

    /// <summary>
    /// "make bank", "making bread", "make serious dough": earning a lot, in slang (round 33: the synonyms had read "bank" as
    /// finance, and "do ml engineers make bank" led with why demand is high rather than the figures).
    /// </summary>
    [GeneratedRegex(@"\b(?:make|makes|making|made|makin)\s+(?:serious\s+|real\s+|big\s+|good\s+|fat\s+)?(?:bank|bread|dough|bucks)\b")]
    private static partial Regex MakeBank();

    /// <summary>Money signs, and amounts such as "85k" or "150k+", which only pay questions use.</summary>
    [GeneratedRegex(@"\$+|€+|£+|\b\d{2,3}(\.\d+)?k\b\+?")]
    private static partial Regex Money();
}
