import { describe, expect, it } from "vitest";
import { normalizeKeyword, normalizeKeywords, singularize } from "./normalize-keyword.ts";

describe("normalizeKeyword", () => {
  it.each([
    // case and plurals
    ["Diffusion Models", "diffusion model"],
    ["diffusion", "diffusion"],
    ["analysis", "analysis"],
    ["Gaussians", "gaussian"],
    ["policies", "policy"],
    ["KV caches", "KV cache"],
    ["image patches", "image patch"],
    ["Transformers", "transformer"],
    ["robotics", "robotics"],
    ["evaluation metrics", "evaluation metric"],
    ["mixtures of experts", "mixture of experts"],
    ["LoRA", "lora"],
    ["Lora", "lora"],
    // hyphenation and spacing
    ["Chain-of-Thought", "chain of thought"],
    ["chain of thought", "chain of thought"],
    ["vision--language models", "vision language model"],
    ["Multi-modal reasoning", "multimodal reasoning"],
    ["pre-training", "pretraining"],
    ["auto-regressive models", "autoregressive model"],
    ["text-to-image", "text to image"],
    ["supervised finetuning", "supervised fine tuning"],
    // digits keep their hyphen, all-capital words their case
    ["GPT-4o", "GPT-4o"],
    ["DeepSeek-R1", "deepseek-R1"],
    ["Qwen2.5-VL", "qwen2.5-VL"],
    ["MATH-500", "MATH-500"],
    ["3D Gaussian Splatting", "3D gaussian splatting"],
    ["Pass@1", "pass@1"],
    // acronyms and synonyms
    ["LLMs", "large language model"],
    ["Large Language Models (LLMs)", "large language model"],
    ["large language model", "large language model"],
    ["LLM-based agents", "large language model agent"],
    ["LLM agents", "large language model agent"],
    ["MLLMs", "multimodal large language model"],
    ["RLHF", "reinforcement learning from human feedback"],
    [
      "Reinforcement Learning with Verifiable Rewards (RLVR)",
      "reinforcement learning with verifiable rewards",
    ],
    ["RLVR", "reinforcement learning with verifiable rewards"],
    ["GRPO", "group relative policy optimization"],
    ["CoT", "chain of thought"],
    ["3DGS", "3D gaussian splatting"],
    ["Gaussian Splatting", "3D gaussian splatting"],
    ["Test-Time Scaling (TTS)", "test time scaling"],
    ["TTS", "text to speech"],
    ["data sets", "dataset"],
    ["(LLM)", "large language model"],
    // odd input
    ["  spaced   out  ", "spaced out"],
    ["constructor", "constructor"],
  ])("%s → %s", (raw, expected) => {
    expect(normalizeKeyword(raw)).toBe(expected);
  });

  it("drops blanks and overlong entries", () => {
    expect(normalizeKeyword("")).toBeNull();
    expect(normalizeKeyword(" - ")).toBeNull();
    expect(normalizeKeyword("x".repeat(121))).toBeNull();
  });

  it("normalises a list: repeats after normalisation go, order stays", () => {
    expect(
      normalizeKeywords(["LLMs", "GRPO", "large language models", "", "Group Relative Policy Optimization"]),
    ).toEqual(["large language model", "group relative policy optimization"]);
    expect(normalizeKeywords(null)).toEqual([]);
  });
});

describe("singularize", () => {
  it.each([
    ["models", "model"],
    ["analyses", "analysis"],
    ["hypotheses", "hypothesis"],
    ["biases", "bias"],
    ["bias", "bias"],
    ["processes", "process"],
    ["caches", "cache"],
    ["approaches", "approach"],
    ["indices", "index"],
    ["corpora", "corpus"],
    ["series", "series"],
    ["dynamics", "dynamics"],
    ["status", "status"],
    ["data", "data"],
    ["gas", "gas"],
    ["movies", "movie"],
  ])("%s → %s", (word, expected) => {
    expect(singularize(word)).toBe(expected);
  });
});
