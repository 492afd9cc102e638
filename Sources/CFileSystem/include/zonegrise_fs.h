#ifndef ZONEGRISE_FS_H
#define ZONEGRISE_FS_H

/// Swaps two paths atomically (Linux renameat2 with RENAME_EXCHANGE): after the call
/// each name refers to what the other did, and no observer sees a moment where one of
/// them is missing. Returns 0, or -1 with errno set (EINVAL or ENOSYS where the
/// kernel or the filesystem cannot exchange; ENOENT when either path is missing).
int zonegrise_exchange_paths(const char *first, const char *second);

#endif
