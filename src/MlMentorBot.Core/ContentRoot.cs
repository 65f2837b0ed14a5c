namespace MlMentorBot.Core;

/// <summary>The host's content root (absolute), against which relative paths in configuration are resolved.</summary>
public sealed record ContentRoot(string Path);
