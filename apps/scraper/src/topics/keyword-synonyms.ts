/**
 * The reviewed synonyms of fine-grained keywords. Keys are lower-case; values are written naturally and go through
 * the same normalisation as keywords (so "rewards" in a value is stored as "reward" where a keyword's would be).
 * Add an entry when the archive shows two spellings of one idea with many papers each; `pnpm scrape retopic`
 * then rewrites stored keywords.
 */

/**
 * Short forms expanded wherever they stand in a keyword: "LLMs" → "large language model", "LLM agents" →
 * "large language model agent", "GRPO training" → "group relative policy optimization training". Only
 * unambiguous acronyms of this field belong here; names that are used as names (LoRA, CLIP, BERT) stay.
 */
export const acronymExpansions: Readonly<Record<string, string>> = {
  llm: "large language model",
  slm: "small language model",
  mllm: "multimodal large language model",
  vlm: "vision language model",
  lvlm: "large vision language model",
  lmm: "large multimodal model",
  lrm: "large reasoning model",
  vla: "vision language action model",
  rl: "reinforcement learning",
  drl: "deep reinforcement learning",
  marl: "multi-agent reinforcement learning",
  rlhf: "reinforcement learning from human feedback",
  rlaif: "reinforcement learning from AI feedback",
  rlvr: "reinforcement learning with verifiable rewards",
  grpo: "group relative policy optimization",
  ppo: "proximal policy optimization",
  dpo: "direct preference optimization",
  sft: "supervised fine-tuning",
  peft: "parameter-efficient fine-tuning",
  cot: "chain-of-thought",
  rag: "retrieval-augmented generation",
  icl: "in-context learning",
  moe: "mixture of experts",
  ssm: "state space model",
  kd: "knowledge distillation",
  prm: "process reward model",
  orm: "outcome reward model",
  mdp: "Markov decision process",
  mcp: "model context protocol",
  nerf: "neural radiance field",
  "3dgs": "3D Gaussian splatting",
  gnn: "graph neural network",
  gan: "generative adversarial network",
  vae: "variational autoencoder",
  dit: "diffusion transformer",
  vit: "vision transformer",
  vqa: "visual question answering",
  asr: "automatic speech recognition",
  tts: "text-to-speech",
  ocr: "optical character recognition",
  nlp: "natural language processing",
  t2i: "text-to-image",
  t2v: "text-to-video",
  i2v: "image-to-video",
  sae: "sparse autoencoder",
};

/** Single words spelled several ways, replaced wherever they stand. */
export const wordVariants: Readonly<Record<string, string>> = {
  finetuning: "fine-tuning",
  finetune: "fine-tune",
  finetuned: "fine-tuned",
  modelling: "modeling",
  optimisation: "optimization",
  quantisation: "quantization",
  generalisation: "generalization",
  tokenisation: "tokenization",
  tokeniser: "tokenizer",
  behaviour: "behavior",
  keyframe: "key frame",
};

/** Whole keywords that mean the same as another, after normalisation (lower-case keys). */
export const phraseSynonyms: Readonly<Record<string, string>> = {
  "data set": "dataset",
  "large language modeling": "language modeling",
  "LLM-based agent": "LLM agent",
  "vision language action": "vision language action model",
  "chain of thought reasoning": "chain-of-thought",
  "retrieval augmented": "retrieval-augmented generation",
  "3D gaussian": "3D Gaussian splatting",
  "gaussian splatting": "3D Gaussian splatting",
};
