package io.chspring.benchmarks;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The benchmark row as a mutable bean with a no-argument constructor and setters: the shape client-v2's POJO
 * serializer and deserializer need. Holds the same values as {@link Event}.
 */
public class EventBean {

    private long id;
    private LocalDateTime ts;
    private long userId;
    private String url;
    private String referrer;
    private double duration;
    private int status;
    private String comment;
    private List<Long> tags;
    private String kind;

    /** An empty bean, filled by setters. */
    public EventBean() {
    }

    /** A bean with the values of {@code e}; {@code ts} in UTC (the server's zone). */
    public static EventBean of(Event e) {
        EventBean b = new EventBean();
        b.id = e.id();
        b.ts = LocalDateTime.ofInstant(e.ts(), ZoneOffset.UTC);
        b.userId = e.userId();
        b.url = e.url();
        b.referrer = e.referrer();
        b.duration = e.duration();
        b.status = e.status();
        b.comment = e.comment();
        Long[] tags = new Long[e.tags().length];
        for (int i = 0; i < tags.length; i++) {
            tags[i] = e.tags()[i];
        }
        b.tags = List.of(tags);
        b.kind = e.kind().name();
        return b;
    }

    public long getId() { return id; }
    public void setId(long id) { this.id = id; }
    public LocalDateTime getTs() { return ts; }
    public void setTs(LocalDateTime ts) { this.ts = ts; }
    public long getUserId() { return userId; }
    public void setUserId(long userId) { this.userId = userId; }
    public String getUrl() { return url; }
    public void setUrl(String url) { this.url = url; }
    public String getReferrer() { return referrer; }
    public void setReferrer(String referrer) { this.referrer = referrer; }
    public double getDuration() { return duration; }
    public void setDuration(double duration) { this.duration = duration; }
    public int getStatus() { return status; }
    public void setStatus(int status) { this.status = status; }
    public String getComment() { return comment; }
    public void setComment(String comment) { this.comment = comment; }
    public List<Long> getTags() { return tags; }
    public void setTags(List<Long> tags) { this.tags = tags; }
    public String getKind() { return kind; }
    /**
     * Takes Object: client-v2's reader hands an Enum8 value to the setter as its own {@code EnumValue} (a String
     * setter fails with ClassCastException); its name is kept.
     */
    public void setKind(Object kind) { this.kind = kind == null ? null : kind.toString(); }
}
