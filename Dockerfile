# Build: mvn -B -DskipTests package   (the jar is built outside the image; no network in the image build)
FROM eclipse-temurin:17-jre
RUN useradd --system --home /app crm && mkdir -p /app/data && chown crm /app/data
WORKDIR /app
COPY target/callcentre-crm.jar /app/callcentre-crm.jar
USER crm
ENV CRM_DATA_DIR=/app/data
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s CMD wget -qO- http://localhost:8080/health || exit 1
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/callcentre-crm.jar"]
