namespace CognitoFunctions.Authentication;

/// <summary>
/// The member names of one JSON object, unescaped, to reject a name seen twice ("sub" and "s\u0075b" are the same
/// name). Lives on the stack; when its buffers are full it stops recording and says so, and the caller falls back to
/// a full duplicate check.
/// </summary>
internal ref struct ClaimNameSet
{
    private readonly Span<byte> _bytes;
    private readonly Span<int> _ends;
    private readonly Span<byte> _scratch;
    private int _count;

    public ClaimNameSet(Span<byte> bytes, Span<int> ends, Span<byte> scratch)
    {
        _bytes = bytes;
        _ends = ends;
        _scratch = scratch;
    }

    /// <summary>Set once a name did not fit: duplicates are then not fully known here.</summary>
    public bool Overflowed { get; private set; }

    /// <summary>
    /// Records the property name the reader is on and returns it unescaped; <paramref name="duplicate"/> tells
    /// whether it was recorded before.
    /// </summary>
    public ReadOnlySpan<byte> Add(scoped in System.Text.Json.Utf8JsonReader reader, out bool duplicate)
    {
        duplicate = false;
        var used = _count == 0 ? 0 : _ends[_count - 1];
        var raw = reader.ValueSpan;
        if (_count < _ends.Length && raw.Length <= _bytes.Length - used)
        {
            var written = reader.ValueIsEscaped ? reader.CopyString(_bytes[used..]) : Copy(raw, _bytes[used..]);
            var name = _bytes.Slice(used, written);
            var start = 0;
            for (var i = 0; i < _count; i++)
            {
                if (_bytes[start.._ends[i]].SequenceEqual(name))
                {
                    duplicate = true;
                    return name;
                }

                start = _ends[i];
            }

            _ends[_count++] = used + written;
            return name;
        }

        Overflowed = true;
        if (!reader.ValueIsEscaped)
        {
            return raw;
        }

        // An escaped name too long for the scratch cannot be a known claim name: return it truncated.
        return raw.Length <= _scratch.Length ? _scratch[..reader.CopyString(_scratch)] : [];
    }

    private static int Copy(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        source.CopyTo(destination);
        return source.Length;
    }
}
