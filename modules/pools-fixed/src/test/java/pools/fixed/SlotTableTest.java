package pools.fixed;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The identity table from objects to slots: every slot found through several copies, an object
 * never added not found, and a dropped slot kept until the next copy, which leaves it out.
 */
class SlotTableTest {

    private static Slot<Object> slot(int index) {
        return new Slot<>(new Object(), index, null);
    }

    @Test
    void everySlotIsFoundThroughTheCopiesAndNothingElse() {
        SlotTable<Object> table = new SlotTable<>(0);
        List<Slot<Object>> added = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            Slot<Object> slot = slot(i);
            table.add(slot);
            added.add(slot);
            for (Slot<Object> earlier : added) {
                assertSame(earlier, table.find(earlier.object), "slot " + earlier.index + " after " + (i + 1) + " adds");
            }
            assertNull(table.find(new Object()), "an object never added");
        }
    }

    /** The table starts at 16 places for 0 expected and is copied when the 9th slot would fill it past half. */
    @Test
    void aDroppedSlotIsFoundUntilTheNextCopyLeavesItOut() {
        SlotTable<Object> table = new SlotTable<>(0);
        List<Slot<Object>> added = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Slot<Object> slot = slot(i);
            table.add(slot);
            added.add(slot);
        }
        Slot<Object> dropped = added.get(3);
        dropped.drop();
        assertSame(dropped, table.find(dropped.object), "readers never see a removal between copies");
        Slot<Object> ninth = slot(8);
        table.add(ninth);
        assertNull(table.find(dropped.object), "the copy left the dropped slot out");
        assertSame(ninth, table.find(ninth.object));
        for (Slot<Object> slot : added) {
            if (slot != dropped) {
                assertSame(slot, table.find(slot.object), "a live slot survives the copy");
            }
        }
    }

    @Test
    void aTableOfDroppedSlotsIsCopiedSmallAndStillGrows() {
        SlotTable<Object> table = new SlotTable<>(64);
        List<Slot<Object>> live = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            Slot<Object> slot = slot(i);
            table.add(slot);
            if (i % 3 == 0) {
                live.add(slot);
            } else {
                slot.drop();
            }
        }
        for (Slot<Object> slot : live) {
            assertSame(slot, table.find(slot.object));
        }
        assertNull(table.find(new Object()));
    }
}
