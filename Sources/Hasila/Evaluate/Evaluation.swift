/// How an extraction compares with gold: precision, recall and F1 of figures and dates, the
/// accuracy of each field over matched figures, and every miss, extra and wrong field.
public struct Evaluation: Sendable {
    public struct Score: Sendable {
        public var truePositives = 0
        public var falsePositives = 0
        public var falseNegatives = 0
        public var precision: Double { ratio(truePositives, truePositives + falsePositives) }
        public var recall: Double { ratio(truePositives, truePositives + falseNegatives) }
        public var f1: Double {
            let p = precision, r = recall
            return p + r == 0 ? 0 : 2 * p * r / (p + r)
        }
    }

    public struct FieldAccuracy: Sendable {
        public var correct = 0
        public var total = 0
        public var accuracy: Double { ratio(correct, total, empty: 1) }
    }

    /// One difference, for the report: which document, where, what was expected and found.
    public struct Difference: Sendable {
        public enum Kind: String, Sendable { case missed, extra, wrong }
        public let kind: Kind
        public let dimension: String
        public let doc: String
        public let offset: Int
        public let text: String
        public let detail: String
    }

    public var figures = Score()
    public var dates = Score()
    /// Matched figures (and dates) whose span is exactly the gold one, not only overlapping it.
    public var span = FieldAccuracy()
    public var qualifier = FieldAccuracy()
    public var category = FieldAccuracy()
    public var parent = FieldAccuracy()
    public var period = FieldAccuracy()
    public var dateValue = FieldAccuracy()
    /// Over matched figures whose gold gives the field: the actor keys (the whole list, in order),
    /// the place key, the country and the source key.
    public var actors = FieldAccuracy()
    public var place = FieldAccuracy()
    public var country = FieldAccuracy()
    public var source = FieldAccuracy()
    /// Gold category × found category over matched figures ("null" for none): where categories go wrong.
    public var categoryConfusion: [String: [String: Int]] = [:]
    public var differences: [Difference] = []

    /// The confused pairs (gold ≠ found), most frequent first.
    public var confusedCategories: [(gold: String, found: String, count: Int)] {
        categoryConfusion.flatMap { gold, row in row.filter { $0.key != gold }.map { (gold, $0.key, $0.value) } }
            .sorted { ($0.count, $1.gold, $1.found) > ($1.count, $0.gold, $0.found) }
    }
}

func ratio(_ a: Int, _ b: Int, empty: Double = 0) -> Double {
    b == 0 ? empty : Double(a) / Double(b)
}
