import CFileSystem
import Glibc

/// Swaps two paths in one step (Linux `renameat2(…, RENAME_EXCHANGE)`), so that a
/// folder of results can be replaced by another without a moment where a reader sees
/// neither or a mixture.
package enum PathExchange {
    /// Exchanges what `first` and `second` name. Both must exist, on one filesystem.
    /// - Returns: nil on success, or the `errno` of the failure: `EINVAL` or `ENOSYS`
    ///   when the kernel or the filesystem cannot exchange (the caller falls back to two
    ///   renames), `ENOENT`, `EXDEV`, `EACCES`… otherwise.
    /// - Complexity: one system call, independent of the folders' sizes.
    package static func exchange(_ first: String, _ second: String) -> Int32? {
        zonegrise_exchange_paths(first, second) == 0 ? nil : errno
    }

    /// True when `code` says exchanging is not supported here (rather than failed).
    package static func isUnsupported(_ code: Int32) -> Bool {
        code == EINVAL || code == ENOSYS || code == ENOTSUP
    }
}
