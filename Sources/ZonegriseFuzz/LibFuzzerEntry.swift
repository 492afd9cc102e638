#if ZONEGRISE_LIBFUZZER
import Foundation

// The libFuzzer entry point, built by scripts/fuzz-libfuzzer.sh with
// `-sanitize=fuzzer -D ZONEGRISE_LIBFUZZER`: the target is named by
// `ZONEGRISE_FUZZ_TARGET` (`zonegrise-fuzz targets` lists them). SwiftPM links an
// executable's `main` to `<Module>_main`, so this defines that and hands over to
// libFuzzer's driver (`LLVMFuzzerRunDriver`), which parses the libFuzzer options.

@_silgen_name("LLVMFuzzerRunDriver")
func runDriver(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
               _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt) -> CInt

@_cdecl("ZonegriseFuzz_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var vector = argv
    return runDriver(&count, &vector, fuzzOneInput)
}

/// The target and context of this process, made on the first input.
nonisolated(unsafe) private var current: (FuzzTarget, FuzzContext)?

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    if current == nil {
        let name = ProcessInfo.processInfo.environment["ZONEGRISE_FUZZ_TARGET"] ?? "geojson"
        guard let target = FuzzTarget.named(name), let context = try? FuzzContext() else { fail("no target \(name) or no scratch folder") }
        current = (target, context)
    }
    let (target, context) = current!
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let done = DispatchSemaphore(value: 0)
    Task {
        do { try await target.run(bytes, context) } catch {}
        done.signal()
    }
    done.wait()
    return 0
}
#endif
