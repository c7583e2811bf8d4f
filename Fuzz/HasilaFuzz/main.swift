// The libFuzzer target (see Fuzz/README.md): builds only when HASILA_FUZZ=1 is set for SwiftPM,
// with -sanitize=fuzzer. Every input goes through `RecordInvariants`; a broken invariant traps,
// and libFuzzer keeps the input as a crash file.
import Foundation
import Hasila

@_silgen_name("LLVMFuzzerRunDriver")
func runDriver(_ argc: UnsafeMutablePointer<Int32>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
               _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32) -> Int32

nonisolated(unsafe) let invariants: RecordInvariants = {
    do { return RecordInvariants(grammar: try GrammarLoader.load(directory: GrammarLoader.locate(explicit: nil))) } catch {
        FileHandle.standardError.write(Data("hasila-fuzz: \(error)\n".utf8))
        exit(2)
    }
}()

/// One input: every invariant is checked, and the first one broken stops the fuzzer.
@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ start: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: start, count: count))
    let problems = invariants.violations(bytes)
    if !problems.isEmpty { fatalError("invariant broken: \(problems.joined(separator: "; "))") }
    return 0
}

_ = invariants
var argc = CommandLine.argc
var argv = CommandLine.unsafeArgv
// SwiftPM names this file's code the program's entry point, so libFuzzer's own `main` is not
// used (`--allow-multiple-definition` in Fuzz/run): its driver is started from here instead.
exit(runDriver(&argc, &argv) { testOneInput($0, $1) })
