// swift-tools-version: 6.2
import PackageDescription

let strict: [SwiftSetting] = [.treatAllWarnings(as: .error)]

let package = Package(
    name: "zonegrise",
    products: [
        .library(name: "Zonegrise", targets: ["Zonegrise"]),
        .library(name: "ZonegriseCore", targets: ["ZonegriseCore"]),
        .library(name: "ZonegriseRouting", targets: ["ZonegriseRouting"]),
        .library(name: "ZonegriseOSM", targets: ["ZonegriseOSM"]),
        .executable(name: "zonegrise", targets: ["ZonegriseCLI"]),
        .executable(name: "zonegrise-routing-bench", targets: ["RoutingBenchmark"]),
        .executable(name: "zonegrise-osm-bench", targets: ["OSMBenchmark"]),
        .executable(name: "zonegrise-scenario-bench", targets: ["ScenarioBenchmark"]),
        .executable(name: "zonegrise-fuzz", targets: ["ZonegriseFuzz"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        // INSEE's xlsx workbooks (gammes.file): the zip and the SpreadsheetML parts.
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/drmohundro/SWXMLHash", from: "8.1.1"),
        // `zonegrise serve`: the what-if server (docs/SERVE.md).
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
    ],
    targets: [
        // C system libraries. Only ZonegriseNative imports them.
        .systemLibrary(name: "CGEOS", pkgConfig: "geos", providers: [.apt(["libgeos-dev"])]),
        .systemLibrary(name: "CPROJ", pkgConfig: "proj", providers: [.apt(["libproj-dev"])]),
        // Not "CZlib": ZIPFoundation has a module of that name.
        .systemLibrary(name: "CZlibNative", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CCrypto", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),
        .systemLibrary(name: "CReadOSM", pkgConfig: "readosm", providers: [.apt(["libreadosm-dev"])]),
        .systemLibrary(name: "CGDAL", pkgConfig: "gdal", providers: [.apt(["libgdal-dev"])]),
        // The one system call Glibc's Swift module does not show: renameat2's exchange.
        .target(name: "CFileSystem"),

        // The one wrapper module: GEOS, PROJ, GDAL/OGR, zlib, libcrypto, readosm behind Swift value types.
        .target(
            name: "ZonegriseNative",
            dependencies: ["CGEOS", "CPROJ", "CGDAL", "CZlibNative", "CCrypto", "CReadOSM", "CFileSystem", "ZonegriseCore"],
            swiftSettings: strict
        ),
        // Pure-Swift domain: communes, gammes, poles, time models, zones grises.
        .target(name: "ZonegriseCore", swiftSettings: strict),
        // Pure-Swift road routing: CSR graph, components, chain contraction, multi-source
        // searches. No GEOS, PROJ or C.
        .target(name: "ZonegriseRouting", dependencies: ["ZonegriseCore"], swiftSettings: strict),
        // OpenStreetMap to road graph, the extraction side (as OSRM separates extractor and
        // engine): car profile, extract, graph cache, loader.
        .target(
            name: "ZonegriseOSM",
            dependencies: ["ZonegriseCore", "ZonegriseNative", "ZonegriseRouting", "ZonegriseYAML", .product(name: "Yams", package: "Yams")],
            swiftSettings: strict
        ),
        // Typed values out of YAML trees with file, line and key in every error (the
        // territory manifest, the car profile); in no product.
        .target(name: "ZonegriseYAML", dependencies: [.product(name: "Yams", package: "Yams")], swiftSettings: strict),
        // Readers, writers, territory manifest and the analysis pipeline.
        .target(
            name: "Zonegrise",
            dependencies: ["ZonegriseCore", "ZonegriseNative", "ZonegriseRouting", "ZonegriseOSM", "ZonegriseYAML",
                           .product(name: "Yams", package: "Yams"),
                           .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                           .product(name: "SWXMLHash", package: "SWXMLHash")],
            swiftSettings: strict
        ),
        // `zonegrise serve`: the prepared what-if state, its evaluator and the HTTP server
        // (Hummingbird 2) with its page compiled in (docs/SERVE.md).
        .target(
            name: "ZonegriseServe",
            dependencies: ["Zonegrise", "ZonegriseCore", .product(name: "Hummingbird", package: "hummingbird")],
            swiftSettings: strict
        ),
        // The thin command-line tool.
        .executableTarget(
            name: "ZonegriseCLI",
            dependencies: ["Zonegrise", "ZonegriseServe", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: strict
        ),
        // Routing benchmark against scipy (`swift run -c release zonegrise-routing-bench`).
        .executableTarget(name: "RoutingBenchmark", dependencies: ["ZonegriseRouting", "ZonegriseTestSupport"], swiftSettings: strict),
        // OpenStreetMap reading and graph-build benchmark; writes the edge list the routing
        // benchmark reads (`scripts/bench-osm.sh`).
        .executableTarget(
            name: "OSMBenchmark", dependencies: ["ZonegriseOSM", "ZonegriseNative", "ZonegriseRouting", "ZonegriseTestSupport"], swiftSettings: strict),

        // Scenario and recommendation speed beside a full re-analysis (`scripts/bench-scenarios.sh`).
        .executableTarget(
            name: "ScenarioBenchmark", dependencies: ["Zonegrise", "ZonegriseOSM", "ZonegriseRouting", "ZonegriseServe", "ZonegriseTestSupport"],
            swiftSettings: strict),

        // The seeded mutation harness of the readers (README, "Fuzzing"): children run the
        // readers on mutated inputs, the parent records what crashes them.
        .executableTarget(
            name: "ZonegriseFuzz", dependencies: ["Zonegrise", "ZonegriseCore", "ZonegriseNative", "ZonegriseOSM", "ZonegriseTestSupport"],
            swiftSettings: strict),

        // Fixtures shared by the tests and the routing benchmark (seeded generator,
        // synthetic road grid, repository folders); in no product.
        .target(name: "ZonegriseTestSupport", dependencies: ["ZonegriseRouting", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
                path: "Tests/Support", swiftSettings: strict),
        .testTarget(name: "ZonegriseCoreTests", dependencies: ["ZonegriseCore", "ZonegriseTestSupport"], swiftSettings: strict),
        .testTarget(name: "ZonegriseRoutingTests", dependencies: ["ZonegriseRouting", "ZonegriseTestSupport"], swiftSettings: strict),
        .testTarget(name: "ZonegriseNativeTests", dependencies: ["ZonegriseNative", "ZonegriseTestSupport"], swiftSettings: strict),
        .testTarget(
            name: "ZonegriseOSMTests",
            dependencies: ["ZonegriseOSM", "ZonegriseNative", "ZonegriseRouting", "ZonegriseCore", "ZonegriseTestSupport"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "ZonegriseTests", dependencies: ["Zonegrise", "ZonegriseRouting", "ZonegriseTestSupport"],
            // Golden copies of the demo outputs, read through #filePath (not resources).
            exclude: ["Golden/demo", "Golden/pas-de-calais"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "ZonegriseServeTests", dependencies: ["ZonegriseServe", "Zonegrise", "ZonegriseCore", "ZonegriseTestSupport"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "ZonegriseCLITests", dependencies: ["Zonegrise", "ZonegriseTestSupport"],
            // `--help` texts compared with the built tool's, read through #filePath.
            exclude: ["Snapshots"],
            swiftSettings: strict
        ),
    ]
)
