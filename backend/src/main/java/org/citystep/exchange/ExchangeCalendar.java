package org.citystep.exchange;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Locale;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.property.Method;

/**
 * The iCalendar file of an exchange's agreed date, built with biweekly: one event in UTC instants
 * (every calendar shows it in its reader's zone), whose description gives the time in each city's
 * own zone. Its {@code UID} is stable per exchange and its {@code SEQUENCE} its version, so a calendar
 * that imported it updates the event when the date changes.
 */
final class ExchangeCalendar {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private ExchangeCalendar() {
    }

    /** The side of the exchange as the file names it. */
    record Party(String name, String timeZone) {
    }

    static String ics(Exchange exchange, Party asking, Party peer, String summary) {
        ExchangeSlot slot = exchange.agreedSlot();
        if (slot == null) {
            throw new IllegalStateException("no agreed date");
        }
        ICalendar calendar = new ICalendar();
        calendar.setProductId("-//CityStep//Knowledge exchange//EN");
        calendar.setMethod(Method.publish());
        VEvent event = new VEvent();
        event.setUid(exchange.id() + "@citystep");
        event.setSequence((int) Math.min(Integer.MAX_VALUE, exchange.version()));
        event.setDateTimeStamp(Date.from(exchange.updatedAt()));
        event.setDateStart(Date.from(slot.start()), true);
        event.setDateEnd(Date.from(slot.end()), true);
        event.setSummary(summary);
        event.setDescription(local(asking, slot) + "\n" + local(peer, slot) + "\n" + "UTC: " + slot.start() + " – "
                + slot.end());
        calendar.addEvent(event);
        return Biweekly.write(calendar).go();
    }

    private static String local(Party party, ExchangeSlot slot) {
        ZoneId zone = ZoneId.of(party.timeZone());
        ZonedDateTime start = slot.start().atZone(zone);
        ZonedDateTime end = slot.end().atZone(zone);
        return party.name() + ": " + LOCAL.format(start) + " – " + LOCAL.format(end) + " (" + party.timeZone() + ")";
    }
}
