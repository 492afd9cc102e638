// Placeholder until the wrapper lands.
