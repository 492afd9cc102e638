/// Distinct points numbered in order of first insertion, by the exact bits of their
/// coordinates (+0 and -0 told apart, which vertices of one source never mix): an
/// open-addressing hash table with linear probing, without `Hasher`'s per-call seed.
/// - Complexity: O(1) expected per `id(of:)`; 4 bytes per slot, at most half full.
struct VertexIDTable {
    private(set) var points: [PlanarPoint] = []
    private var slots: [Int32]
    private var mask: Int

    /// Room for about `expected` distinct points before the first growth.
    init(expected: Int) {
        var capacity = 16
        while capacity < 2 * expected { capacity <<= 1 }
        slots = [Int32](repeating: -1, count: capacity)
        mask = capacity - 1
        points.reserveCapacity(expected)
    }

    /// The id of `point`, numbering it when new.
    mutating func id(of point: PlanarPoint) -> Int32 {
        if 2 * (points.count + 1) > slots.count { grow() }
        var slot = Self.hash(point) & mask
        while true {
            let id = slots[slot]
            if id < 0 {
                let new = Int32(points.count)
                slots[slot] = new
                points.append(point)
                return new
            }
            let other = points[Int(id)]
            if other.x.bitPattern == point.x.bitPattern, other.y.bitPattern == point.y.bitPattern { return id }
            slot = (slot + 1) & mask
        }
    }

    /// The id of `point` when it was numbered, nil otherwise, trying the ids next to
    /// `hint` first: consecutive vertices of a ring read in order have consecutive ids,
    /// so a walk along such a ring (either way) rarely needs the hash table.
    func existingID(of point: PlanarPoint, near hint: Int32) -> Int32? {
        func holds(_ candidate: Int32) -> Bool {
            guard candidate >= 0, Int(candidate) < points.count else { return false }
            let other = points[Int(candidate)]
            return other.x.bitPattern == point.x.bitPattern && other.y.bitPattern == point.y.bitPattern
        }
        if holds(hint &+ 1) { return hint &+ 1 }
        if holds(hint &- 1) { return hint &- 1 }
        return existingID(of: point)
    }

    /// The id of `point` when it was numbered, nil otherwise; never inserts.
    func existingID(of point: PlanarPoint) -> Int32? {
        var slot = Self.hash(point) & mask
        while true {
            let id = slots[slot]
            if id < 0 { return nil }
            let other = points[Int(id)]
            if other.x.bitPattern == point.x.bitPattern, other.y.bitPattern == point.y.bitPattern { return id }
            slot = (slot + 1) & mask
        }
    }

    private mutating func grow() {
        let capacity = slots.count * 2
        slots = [Int32](repeating: -1, count: capacity)
        mask = capacity - 1
        for (id, point) in points.enumerated() {
            var slot = Self.hash(point) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(id)
        }
    }

    /// A 64-bit mix of both coordinates' bits (multiply–xorshift, as in splitmix64).
    private static func hash(_ point: PlanarPoint) -> Int {
        var h = point.x.bitPattern &* 0x9E37_79B9_7F4A_7C15 ^ point.y.bitPattern
        h ^= h >> 31
        h &*= 0xBF58_476D_1CE4_E5B9
        h ^= h >> 29
        return Int(truncatingIfNeeded: h)
    }
}
