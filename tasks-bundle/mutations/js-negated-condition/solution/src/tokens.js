export function isExpired(token, now = Date.now()) {
  return now >= token.expiresAt;
}

export function validTokens(tokens, now = Date.now()) {
  return tokens.filter((t) => !isExpired(t, now));
}
