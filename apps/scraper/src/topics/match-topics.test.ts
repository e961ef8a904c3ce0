import { describe, expect, it } from "vitest";
import { getTopicMatcher } from "./index.ts";
import { createTopicMatcher, type TopicInput } from "./match-topics.ts";
import { taxonomy } from "./taxonomy.ts";
import { stemWord, tokenize } from "./tokenize.ts";
import type { TopicDefinition } from "./topic-definition.ts";

// A small taxonomy whose rules exercise every kind of rule; texts below are invented for the test.
const testTaxonomy: TopicDefinition[] = [
  { slug: "rl", label: "RL", description: "", terms: ["reinforcement learning", "policy"], acronyms: ["RL"] },
  {
    slug: "llm",
    label: "LLM",
    description: "",
    terms: ["language model"],
    acronyms: ["LLM"],
    unless: ["vision language model"],
  },
  { slug: "t2i", label: "Text to image", description: "", terms: ["text-to-image"] },
  { slug: "robots", label: "Robots", description: "", terms: ["robot*"] },
  { slug: "agents", label: "Agents", description: "", terms: ["agent"], minScore: 3 },
  {
    slug: "bench",
    label: "Benchmarks",
    description: "",
    terms: [],
    titleTerms: ["benchmark"],
    cues: [{ words: ["benchmark"], before: ["introduce"] }],
  },
];
const matcher = createTopicMatcher(testTaxonomy);
const paper = (
  title: string,
  summary: string | null = null,
  keywords: string[] | null = null,
): TopicInput => ({
  title,
  summary,
  keywords,
});

describe("createTopicMatcher", () => {
  it.each([
    // [case, paper, expected topics]
    ["acronym in the title", paper("Scaling RL for Synthetic Games"), ["rl"]],
    ["acronym plural", paper("Teaching LLMs to Count Invented Things"), ["llm"]],
    ["acronym before a hyphen", paper("RL-based Tuning of Toy Models"), ["rl"]],
    ["RL inside URL is no match", paper("A URL Shortener for Toy Data"), []],
    ["RL inside RLHF is no match", paper("RLHF Without Tears"), []],
    ["acronyms are case-sensitive", paper("An rl toolkit"), []],
    ["phrase plural", paper("Two Language Models Walk Into a Bar"), ["llm"]],
    ["irregular plural (policies)", paper("Learning Invented Policies"), ["rl"]],
    ["hyphenated phrase written with spaces", paper("Text to Image with Toy Priors"), ["t2i"]],
    ["hyphenated phrase closed up", paper("Texttoimage Made Simple"), ["t2i"]],
    ["phrase across a line break", paper("Reinforcement\nLearning for Toys"), ["rl"]],
    ["no phrase across a full stop", paper("Deep reinforcement. Learning toys"), []],
    ["wildcard word ending", paper("Robotic Hands and Robotics"), ["robots"]],
    ["wildcard needs the word start", paper("Microrobots at Scale"), []],
    ["unless blanks a longer phrase", paper("A Vision Language Model for Toys"), []],
    ["unless leaves other mentions", paper("A Vision Language Model Meets a Language Model"), ["llm"]],
    ["several topics", paper("RL for Text-to-Image Robots"), ["rl", "t2i", "robots"]],
  ])("%s", (_case, input, expected) => {
    expect(matcher.match(input)).toEqual(expected);
  });

  it("weighs a title 3, a keyword 1 and each abstract mention 1", () => {
    expect(matcher.score(paper("An agent")).get("agents")).toBe(3);
    expect(matcher.score(paper("Toy", null, ["agent", "agents", "other"])).get("agents")).toBe(2);
    expect(matcher.score(paper("Toy", "The agent meets another agent.", null)).get("agents")).toBe(2);
  });

  it("needs the topic's minimum score", () => {
    // agents needs 3: one keyword and one mention are not enough, a title is.
    expect(matcher.match(paper("Toy", "An agent.", ["agent"]))).toEqual([]);
    expect(matcher.match(paper("Toy", "An agent and an agent.", ["agent"]))).toEqual(["agents"]);
    // papers without keywords (before 2025-03) are matched on title and abstract alone
    expect(matcher.match(paper("Toy", "The policy and the policy again.", null))).toEqual(["rl"]);
  });

  it("counts title-only phrases in titles and keywords, not in abstracts", () => {
    expect(matcher.match(paper("A Benchmark of Toys"))).toEqual(["bench"]);
    expect(matcher.match(paper("Toys", "Results on a benchmark and another benchmark.", null))).toEqual([]);
  });

  it("counts cues: a word with an announcing word shortly before, in the same sentence", () => {
    const announced = "We introduce ToyBench, a small benchmark. It has a benchmark split.";
    expect(matcher.explain(paper("Toys", announced, null)).get("bench")).toEqual([
      "abstract: introduce toybench a small benchmark",
    ]);
    expect(matcher.match(paper("Toys", `${announced} We introduce a second benchmark.`, null))).toEqual([
      "bench",
    ]);
    expect(matcher.score(paper("Toys", "We introduce a toy. The benchmark is old.", null)).get("bench")).toBe(
      0,
    );
  });

  it("rejects a malformed taxonomy", () => {
    const topic = { slug: "a", label: "A", description: "", terms: ["x"] };
    expect(() => createTopicMatcher([topic, topic])).toThrow(/twice/);
    expect(() => createTopicMatcher([{ ...topic, slug: "Not Kebab" }])).toThrow(/kebab-case/);
    expect(() => createTopicMatcher([{ ...topic, terms: ["--"] }])).toThrow(/empty phrase/);
  });
});

describe("the reviewed taxonomy", () => {
  const reviewed = getTopicMatcher();

  it("has 20 to 30 topics with labels and descriptions", () => {
    expect(taxonomy.length).toBeGreaterThanOrEqual(20);
    expect(taxonomy.length).toBeLessThanOrEqual(30);
    for (const topic of taxonomy) {
      expect(topic.label).not.toBe("");
      expect(topic.description.length).toBeGreaterThan(10);
    }
  });

  it.each([
    ["LLM plural in the title", paper("Making LLMs Count Toy Apples"), "llm"],
    ["vision-language model", paper("A Vision-Language Model for Toy Charts"), "multimodal"],
    ["text-to-image", paper("Text-to-Image Generation of Toy Scenes"), "image-generation"],
    ["RL in the title", paper("Stable RL for Toy Games"), "reinforcement-learning"],
    ["GRPO acronym", paper("GRPO on a Budget"), "reinforcement-learning"],
    ["multi-agent", paper("Multi-Agent Debate over Toy Questions"), "agents"],
    ["agentic", paper("Agentic Toy Shopping"), "agents"],
    ["chain-of-thought", paper("Chain-of-Thought for Toy Puzzles"), "reasoning"],
    ["3D Gaussian splatting", paper("3D Gaussian Splatting of Toy Rooms"), "3d"],
    ["robotic manipulation", paper("Robotic Manipulation of Toy Blocks"), "robotics"],
    ["KV cache", paper("Squeezing the KV Cache of Toy Models"), "efficiency"],
    ["mixture of experts", paper("Mixture-of-Experts for Toy Translation"), "architectures"],
    [
      "retrieval-augmented generation",
      paper("Retrieval-Augmented Generation over Toy Manuals"),
      "retrieval-rag",
    ],
    ["speech", paper("Toy Speech Synthesis"), "speech-audio"],
    [
      "a new benchmark in the abstract only",
      paper("ToyEval", "We introduce ToyEval, a new benchmark for toys."),
      "evaluation",
    ],
  ])("%s", (_case, input, topic) => {
    expect(reviewed.match(input)).toContain(topic);
  });

  it.each([
    ["URL is not RL", paper("Parsing Every URL of a Toy Web"), "reinforcement-learning"],
    [
      "vision-language model alone is not an LLM paper",
      paper("A Vision-Language Model for Toy Charts"),
      "llm",
    ],
    [
      "attack success rate (ASR) is not speech",
      paper("Toy Red Teaming", "The ASR rose; the ASR fell.", ["ASR"]),
      "speech-audio",
    ],
    [
      "image-text alignment is not safety",
      paper("Image-Text Alignment for Toy Captions"),
      "safety-alignment",
    ],
    [
      "a code release is not a code paper",
      paper("Toy Segmentation", "Our code is available online. Code and data."),
      "code",
    ],
    [
      "one passing mention of agents",
      paper("Toy Video Generation", "Useful for agents.", ["video generation"]),
      "agents",
    ],
  ])("%s", (_case, input, topic) => {
    expect(reviewed.match(input)).not.toContain(topic);
  });
});

describe("tokenize and stemWord", () => {
  it("splits on anything but letters and digits, and tells soft gaps from sentence ends", () => {
    const tokens = tokenize("GPT-4o: an LLM's take. Next");
    expect(tokens.map((t) => t.lower)).toEqual(["gpt", "4o", "an", "llm", "s", "take", "next"]);
    expect(tokens.map((t) => t.joined)).toEqual([false, true, false, true, false, true, false]);
    expect(tokens.at(-1)?.sentenceStart).toBe(true);
    expect(tokenize("LLMs DiTs Robots").map((t) => t.cased)).toEqual(["LLM", "DiT", "Robots"]);
    expect(tokenize("ﬁne-tuning").map((t) => t.lower)).toEqual(["fine", "tuning"]);
  });

  it.each([
    ["models", "model"],
    ["policies", "policy"],
    ["policy", "policy"],
    ["caches", "cach"],
    ["cache", "cach"],
    ["patches", "patch"],
    ["processes", "process"],
    ["loss", "loss"],
    ["corpus", "corpus"],
    ["analysis", "analysis"],
    ["gaussians", "gaussian"],
    ["3ds", "3ds"],
  ])("stemWord(%s) = %s", (word, stem) => {
    expect(stemWord(word)).toBe(stem);
  });
});
