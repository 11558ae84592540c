using CareWatch.Storage;

namespace CareWatch.Monitoring;

// StoredMinute lives in Storage, which knows nothing of Orleans; this surrogate lets grains take it as it is,
// so a minute has one shape from PostgreSQL to the monitor (Orleans' documented way for foreign types).

/// <summary>The Orleans wire form of a <see cref="StoredMinute"/>.</summary>
[GenerateSerializer, Immutable]
public readonly record struct StoredMinuteSurrogate(
    [property: Id(0)] DateTime Start, [property: Id(1)] int Movement, [property: Id(2)] bool Worn);

/// <summary>Converts <see cref="StoredMinute"/> to and from its surrogate.</summary>
[RegisterConverter]
public sealed class StoredMinuteConverter : IConverter<StoredMinute, StoredMinuteSurrogate>
{
    /// <inheritdoc />
    public StoredMinute ConvertFromSurrogate(in StoredMinuteSurrogate surrogate) =>
        new(surrogate.Start, surrogate.Movement, surrogate.Worn);

    /// <inheritdoc />
    public StoredMinuteSurrogate ConvertToSurrogate(in StoredMinute value) => new(value.Start, value.Movement, value.Worn);
}
