/// The version of Hasila, reported by `hasila --version` and written into outputs.
public enum HasilaVersion {
    public static let string = "0.1.0"
}
