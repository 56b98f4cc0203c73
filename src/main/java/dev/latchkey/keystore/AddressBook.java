package dev.latchkey.keystore;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;

/** Named addresses the user trades with or sends to. */
public final class AddressBook {

    public record Entry(String address, String label, String note, Instant createdAt) {
    }

    private final Database db;
    private final InstantSource clock;

    AddressBook(Database db, InstantSource clock) {
        this.db = db;
        this.clock = clock;
    }

    public void put(String address, String label, String note) throws KeystoreException {
        String checksummed = Addresses.checksummed(address);
        db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO address_book (address, label, note, created_at)"
                    + " VALUES (?, ?, ?, ?) ON CONFLICT (address) DO UPDATE SET label = excluded.label, note = excluded.note")) {
                ps.setString(1, checksummed);
                ps.setString(2, label);
                ps.setString(3, note);
                ps.setLong(4, clock.millis());
                ps.executeUpdate();
            }
            return null;
        });
    }

    public boolean remove(String address) throws KeystoreException {
        String checksummed = Addresses.checksummed(address);
        return db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM address_book WHERE address = ?")) {
                ps.setString(1, checksummed);
                return ps.executeUpdate() > 0;
            }
        });
    }

    public List<Entry> all() throws KeystoreException {
        return db.read(c -> {
            List<Entry> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT address, label, note, created_at FROM address_book ORDER BY label");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Entry(rs.getString(1), rs.getString(2), rs.getString(3), Instant.ofEpochMilli(rs.getLong(4))));
                }
            }
            return out;
        });
    }

    @Override
    public String toString() {
        return "AddressBook[" + db.file() + "]";
    }
}
