/// How a figure is qualified in the text (keys of ../shared/taxonomy.md).
public enum Qualifier: String, Sendable, Codable, CaseIterable {
    case atLeast = "at_least"
    case moreThan = "more_than"
    case about
    case atMost = "at_most"
    case lessThan = "less_than"
    case exact
}
