/**
 * Lookups in the sorted id arrays the catalogue service keeps in memory.
 * All methods expect {@code ids} sorted in ascending order without duplicates.
 */
public final class SortedIds {
    private SortedIds() {
    }

    /** Returns the index of {@code id} in {@code ids}, or -1 when it is absent. */
    public static int indexOf(long[] ids, long id) {
        int low = 0;
        int high = ids.length - 1;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (ids[mid] < id) {
                low = mid + 1;
            } else if (ids[mid] > id) {
                high = mid - 1;
            } else {
                return mid;
            }
        }
        return -1;
    }

    /** True when {@code id} is present in {@code ids}. */
    public static boolean contains(long[] ids, long id) {
        return indexOf(ids, id) >= 0;
    }
}
