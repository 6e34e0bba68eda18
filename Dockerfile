# Built jar on a JDK image. Build first with: mvn -DskipTests package
FROM eclipse-temurin:17-jre
WORKDIR /app
COPY target/doudi-*.jar /app/doudi.jar
ENV SPRING_PROFILES_ACTIVE=postgres
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/doudi.jar"]
