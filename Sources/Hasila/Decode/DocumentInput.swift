/// One item of the document stream: a document to extract from, or one that could not be read.
public enum DocumentInput: Sendable {
    case document(Document)
    case failure(DocumentFailure)
}
