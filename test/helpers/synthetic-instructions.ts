// Synthetic user instructions for tests: varied topics and asks, built from small word lists, seeded.
import { createRandom } from "@/lib/pipeline/random";

const asks = [
  "Explain how {a} affects {b} when planning {c}.",
  "Write a short guide to {a} for someone new to {b}.",
  "Compare {a} and {b} for a small {c} project.",
  "What are the main risks of {a} in {b}, and how can {c} reduce them?",
  "Give three tips for improving {a} with {b} and {c}.",
  "Summarize why {a} matters for {b} teams working on {c}.",
  "Describe a simple process to measure {a} during {b}.",
];
const topics = [
  "caching",
  "database indexing",
  "team onboarding",
  "solar panels",
  "sourdough baking",
  "marathon training",
  "tax deductions",
  "unit testing",
  "email marketing",
  "soil drainage",
  "camera exposure",
  "budget forecasting",
  "password hygiene",
  "bird migration",
  "interest rates",
  "container shipping",
  "lesson planning",
  "code review",
  "noise cancellation",
  "water filtration",
  "supply chains",
  "language learning",
  "climate adaptation",
  "load balancing",
  "customer support",
  "wind turbines",
];

export function syntheticInstructions(count: number, seed = 1): string[] {
  const random = createRandom(seed);
  return Array.from({ length: count }, () => {
    const [a, b, c] = random.sample(topics, 3);
    return random.pick(asks).replace("{a}", a!).replace("{b}", b!).replace("{c}", c!);
  });
}
