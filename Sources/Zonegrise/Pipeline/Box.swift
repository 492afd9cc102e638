/// A mutable slot a stage can fill for the run's report.
final class Box<Value> {
    var value: Value
    init(_ value: Value) { self.value = value }
}
