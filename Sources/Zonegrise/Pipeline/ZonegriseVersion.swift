/// The tool's version, written in every run manifest.
public enum ZonegriseVersion {
    public static let current = "0.1.0"
}
