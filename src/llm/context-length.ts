// Recognising "the conversation no longer fits the model's context window", in each server's words:
//   OpenAI/vLLM  "This model's maximum context length is 8192 tokens. However, you requested …"
//   OpenAI code  "context_length_exceeded"
//   llama.cpp    "the request exceeds the available context size …" (type exceed_context_size_error),
//                "Context size has been exceeded."
//   NIM          "Input length 12007 exceeds maximum allowed token size 8192"
//   Groq         "Please reduce the length of the messages or completion."
//   LM Studio    "… is greater than the context length …"

const PATTERNS: RegExp[] = [
  /maximum context length/i,
  /context[_ ]length[_ ]exceeded/i,
  /exceed_context_size/i,
  /exceeds? (?:the )?(?:available |maximum )?context/i,
  /context (?:size|window|length) (?:has been |was )?exceeded/i,
  /exceeds? (?:the )?(?:model'?s? )?context (?:size|window|length)/i,
  /exceeds maximum allowed token/i,
  /reduce the length of the messages/i,
  /greater than the context length/i,
  /prompt is too long/i,
  /input (?:is )?too long/i,
  /requested tokens \(\d+\) exceed context window/i,
];

export function looksContextLength(text: string): boolean {
  return PATTERNS.some((re) => re.test(text));
}
