package org.callcentre.crm.reports;

import io.micronaut.http.MediaType;

enum ReportFormat {
    csv(new MediaType("text/csv; charset=utf-8")),
    xlsx(new MediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")),
    pdf(MediaType.APPLICATION_PDF_TYPE);

    private final MediaType mediaType;

    ReportFormat(MediaType mediaType) {
        this.mediaType = mediaType;
    }

    MediaType mediaType() {
        return mediaType;
    }

    String extension() {
        return name();
    }
}
