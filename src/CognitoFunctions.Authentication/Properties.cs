using System.Runtime.CompilerServices;

// The validator works in stack buffers it always writes before reading: zeroing them on every call is wasted time.
[module: SkipLocalsInit]
