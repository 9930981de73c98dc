/**
 * The demo data that ships with Judge Lab (clearly named as demo data): an instruction pool, a
 * labelled eval set, and two sets of responses to judge (pairwise, and best-of-4, both with
 * labels so a judge's agreement can be seen), written for this project from templates and word
 * lists, deterministic by seed.
 * Instructions span six categories. In each eval pair the chosen answer addresses the question and
 * the rejected one answers a nearby but different question (the paper's construction), with lengths
 * drawn independently, so a judge that trusts length is misled. `scripts/generate-demo-data.ts`
 * writes them to lib/demo/data/; the app imports them on first start.
 */
import { createRandom, type Random } from "@/lib/pipeline/random";

type Category = "Coding" | "Math" | "Reasoning" | "Writing" | "Advice" | "Knowledge";

const topics: Record<Category, string[]> = {
  Coding: [
    "binary search",
    "linked list",
    "hash map",
    "regular expression",
    "REST endpoint",
    "SQL join",
    "unit test",
    "recursion",
    "sorting algorithm",
    "memory leak",
    "race condition",
    "JSON parser",
    "rate limiter",
    "cache eviction",
    "string reversal",
  ],
  Math: [
    "compound interest",
    "prime factorization",
    "quadratic equation",
    "probability of two dice",
    "area of a triangle",
    "standard deviation",
    "percentage increase",
    "greatest common divisor",
    "geometric series",
    "unit conversion",
    "matrix determinant",
    "median of a list",
  ],
  Reasoning: [
    "train schedule puzzle",
    "seating arrangement",
    "budget trade-off",
    "project deadline",
    "logic riddle",
    "causal claim",
    "survey result",
    "moving plan",
    "tournament bracket",
    "shift rotation",
    "supply shortage",
    "voting outcome",
  ],
  Writing: [
    "cover letter",
    "product description",
    "wedding toast",
    "apology email",
    "short poem about autumn",
    "blog introduction",
    "meeting summary",
    "haiku about rain",
    "bedtime story",
    "press release",
    "thank-you note",
    "limerick about cats",
  ],
  Advice: [
    "first marathon",
    "job interview",
    "houseplant care",
    "saving money",
    "learning guitar",
    "remote work",
    "public speaking",
    "sleep schedule",
    "moving abroad",
    "negotiating salary",
    "starting a garden",
    "studying for exams",
  ],
  Knowledge: [
    "photosynthesis",
    "the French Revolution",
    "black holes",
    "vaccines",
    "inflation",
    "plate tectonics",
    "the immune system",
    "machine learning",
    "the water cycle",
    "the printing press",
    "climate change",
    "the Roman Empire",
  ],
};

const asks: Record<Category, string[]> = {
  Coding: [
    "Write a Python function that implements a {t}.",
    "Explain how a {t} works and show a short code example.",
    "Find the bug in my {t} code and fix it.",
    "What is the time complexity of a {t}, and why?",
  ],
  Math: [
    "Calculate the {t} for an example and show each step.",
    "Explain how to solve a {t} problem.",
    "Give a worked example of {t}.",
    "What formula do I use for {t}?",
  ],
  Reasoning: [
    "Help me think through this {t} step by step.",
    "What is the best decision in this {t}, and why?",
    "Analyze the {t} and point out the weak assumption.",
    "Compare two options for the {t}.",
  ],
  Writing: [
    "Write a {t} for my friend.",
    "Draft a {t} in a warm tone.",
    "Rewrite this {t} to be more concise.",
    "Give me a {t} with a strong opening line.",
  ],
  Advice: [
    "What should I know before a {t}?",
    "Give me practical tips for {t}.",
    "How do I get better at {t}?",
    "What mistakes should I avoid with {t}?",
  ],
  Knowledge: [
    "Explain {t} to a high-school student.",
    "What are the key facts about {t}?",
    "Why does {t} matter today?",
    "Summarize the history of {t}.",
  ],
};

const steps = [
  "Start with {a}, because it frames everything else.",
  "Next, look at how {a} interacts with {b}.",
  "A common mistake is to ignore {b} when dealing with {a}.",
  "Check the result against {a} once more.",
  "In practice, {a} and {b} should be handled together.",
  "Keep {a} simple at first, then refine {b}.",
];
const filler = [
  "This keeps the answer easy to follow.",
  "Take your time with each part.",
  "Small details add up here.",
  "It helps to write things down as you go.",
  "Most people find this approach reliable.",
  "You can adapt it to your situation.",
];

const STOP = new Set([
  "quick",
  "question",
  "please",
  "that",
  "this",
  "with",
  "what",
  "about",
  "your",
  "each",
  "step",
  "show",
  "give",
  "write",
  "explain",
  "short",
  "example",
  "help",
  "think",
  "through",
  "should",
  "know",
  "before",
  "better",
  "avoid",
  "which",
  "then",
  "them",
  "from",
  "have",
  "best",
  "point",
  "weak",
  "make",
  "when",
  "does",
  "matter",
  "today",
  "key",
  "facts",
  "tips",
  "draft",
  "warm",
  "tone",
  "strong",
  "opening",
  "line",
  "more",
  "concise",
  "find",
  "work",
  "works",
  "code",
  "how",
  "why",
  "and",
]);

function words(text: string): string[] {
  return [
    ...new Set(
      text
        .toLowerCase()
        .replace(/[^a-z0-9\s-]/g, " ")
        .split(/\s+/)
        .filter((w) => w.length > 3 && !STOP.has(w)),
    ),
  ];
}

const openers = [
  "Here is a clear answer about {topic}.",
  "Good question about {topic}; the essentials follow.",
  "Let us go through {topic} step by step.",
  "A practical take on {topic}:",
];

/** An answer that addresses `question` about `topic`: its key words recur through the text; length drawn at random. */
function answer(question: string, topic: string, random: Random): string {
  const keys = words(`${topic} ${question}`);
  const sentences = [random.pick(openers).replace("{topic}", topic)];
  const target = random.int(3, 11);
  while (sentences.length < target) {
    const template = random.pick(random.next() < 0.7 ? steps : filler);
    const a = random.pick(keys) ?? topic;
    const b = random.pick(keys.filter((k) => k !== a)) ?? topic;
    sentences.push(template.replace("{a}", a).replace("{b}", b));
  }
  return sentences.join(" ");
}

/** A nearby question: same category and phrasing, another topic. */
function nearby(category: Category, topic: string, random: Random): string {
  return random.pick(topics[category].filter((t) => t !== topic));
}

export type DemoInstruction = { id: string; instruction: string; category: Category; source: string };
export type DemoPair = { id: number; subset: string; prompt: string; chosen: string; rejected: string };

export function demoInstructions(seed = 7): DemoInstruction[] {
  const random = createRandom(seed);
  const rows: DemoInstruction[] = [];
  for (const category of Object.keys(topics) as Category[]) {
    for (const topic of topics[category]) {
      for (const ask of random.sample(asks[category], 4)) {
        rows.push({ id: `demo-${rows.length}`, instruction: ask.replace("{t}", topic), category, source: "judge-lab demo" });
      }
    }
  }
  return random.sample(rows, rows.length).map((row, i) => ({ ...row, id: `demo-${i}` }));
}

export function demoEvalPairs(seed = 11): DemoPair[] {
  const random = createRandom(seed);
  const pairs: DemoPair[] = [];
  for (const category of Object.keys(topics) as Category[]) {
    for (const topic of topics[category]) {
      for (const ask of random.sample(asks[category], 3)) {
        // Phrase the eval question differently from the training pool.
        const question = `Quick question: ${ask.replace("{t}", topic)}`;
        const other = nearby(category, topic, random);
        pairs.push({
          id: pairs.length,
          subset: `demo-${category.toLowerCase()}`,
          prompt: question,
          chosen: answer(question, topic, random),
          rejected: answer(ask.replace("{t}", other), other, random),
        });
      }
    }
  }
  return pairs;
}

export type DemoPairwise = { id: string; category: string; prompt: string; response_a: string; response_b: string; label: "A" | "B" };
export type DemoBestOfN = { id: string; category: string; prompt: string; responses: string[]; best: string };

/** Prompts for the responses-to-judge sets, phrased unlike the pool and the eval set. */
function* judgePrompts(random: Random, perTopic: number): Generator<{ category: Category; topic: string; question: string }> {
  for (const category of Object.keys(topics) as Category[])
    for (const topic of topics[category])
      for (const ask of random.sample(asks[category], perTopic))
        yield { category, topic, question: `Could you help? ${ask.replace("{t}", topic)}` };
}

/** Two responses per prompt, the better one on a random side, labelled A or B. */
export function demoPairwise(seed = 13): DemoPairwise[] {
  const random = createRandom(seed);
  const rows: DemoPairwise[] = [];
  for (const { category, topic, question } of judgePrompts(random, 2)) {
    const good = answer(question, topic, random);
    const other = nearby(category, topic, random);
    const worse = answer(`${other}?`, other, random);
    const aIsGood = random.next() < 0.5;
    rows.push({
      id: `pair-${rows.length}`,
      category,
      prompt: question,
      response_a: aIsGood ? good : worse,
      response_b: aIsGood ? worse : good,
      label: aIsGood ? "A" : "B",
    });
  }
  return random.sample(rows, 120).map((row, i) => ({ ...row, id: `pair-${i}` }));
}

/** Four responses per prompt, one that answers it and three about nearby topics; `best` is the good one's letter. */
export function demoBestOfFour(seed = 17): DemoBestOfN[] {
  const random = createRandom(seed);
  const rows: DemoBestOfN[] = [];
  for (const { category, topic, question } of judgePrompts(random, 1)) {
    const others = random.sample(
      topics[category].filter((t) => t !== topic),
      3,
    );
    const responses = [answer(question, topic, random), ...others.map((other) => answer(`${other}?`, other, random))];
    const order = random.sample([0, 1, 2, 3], 4);
    rows.push({
      id: `bo4-${rows.length}`,
      category,
      prompt: question,
      responses: order.map((i) => responses[i]!),
      best: String.fromCharCode(65 + order.indexOf(0)),
    });
  }
  return random.sample(rows, 60).map((row, i) => ({ ...row, id: `bo4-${i}` }));
}
