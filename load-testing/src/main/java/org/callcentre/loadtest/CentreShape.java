package org.callcentre.loadtest;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.SplittableRandom;

/**
 * How a Russian home-appliance repair call centre's traffic is shaped: real cities with their
 * time zones, weighted by population; calls by local hour (a late-morning peak, a quiet night),
 * by weekday (Monday busiest, Sunday quietest), by season (a summer peak of air conditioners and
 * the New Year holidays' dip); and the distributions of wait, talk and hold.
 */
final class CentreShape {
    record City(String name, String zone, double weight) {
        ZoneId zoneId() {
            return ZoneId.of(zone);
        }
    }

    /** Population in hundreds of thousands, roughly: how much of the traffic each city brings. */
    static final List<City> CITIES = List.of(
            new City("Москва", "Europe/Moscow", 130), new City("Санкт-Петербург", "Europe/Moscow", 56),
            new City("Новосибирск", "Asia/Novosibirsk", 16), new City("Екатеринбург", "Asia/Yekaterinburg", 15),
            new City("Казань", "Europe/Moscow", 13), new City("Нижний Новгород", "Europe/Moscow", 12),
            new City("Красноярск", "Asia/Krasnoyarsk", 12), new City("Челябинск", "Asia/Yekaterinburg", 12),
            new City("Самара", "Europe/Samara", 11), new City("Уфа", "Asia/Yekaterinburg", 11),
            new City("Ростов-на-Дону", "Europe/Moscow", 11), new City("Омск", "Asia/Omsk", 11),
            new City("Краснодар", "Europe/Moscow", 11), new City("Воронеж", "Europe/Moscow", 10),
            new City("Пермь", "Asia/Yekaterinburg", 10), new City("Волгоград", "Europe/Volgograd", 10),
            new City("Саратов", "Europe/Saratov", 9), new City("Тюмень", "Asia/Yekaterinburg", 8),
            new City("Тольятти", "Europe/Samara", 7), new City("Ижевск", "Europe/Samara", 6),
            new City("Барнаул", "Asia/Barnaul", 6), new City("Ульяновск", "Europe/Ulyanovsk", 6),
            new City("Иркутск", "Asia/Irkutsk", 6), new City("Хабаровск", "Asia/Vladivostok", 6),
            new City("Ярославль", "Europe/Moscow", 6), new City("Владивосток", "Asia/Vladivostok", 6),
            new City("Махачкала", "Europe/Moscow", 6), new City("Томск", "Asia/Tomsk", 6),
            new City("Оренбург", "Asia/Yekaterinburg", 5), new City("Калининград", "Europe/Kaliningrad", 5));

    /** A surname (every one here ends in -ов/-ев/-ёв, so the feminine form adds -а) and a first name. */
    static String personName(SplittableRandom r) {
        boolean woman = r.nextBoolean();
        return pick(r, LAST_NAMES) + (woman ? "а " : " ") + pick(r, woman ? WOMEN : MEN);
    }

    /** Relative calls in each local hour 0–23. */
    static final double[] HOURS = {0.10, 0.05, 0.03, 0.03, 0.03, 0.05, 0.20, 0.50, 1.20, 2.20, 2.80, 2.90,
            2.60, 2.50, 2.60, 2.50, 2.30, 2.10, 1.80, 1.40, 1.00, 0.60, 0.30, 0.15};

    static final List<String> SOURCES = List.of("avito", "yandex_direct", "google_ads", "vk", "2gis", "site", "flyers",
            "radio", "repeat_sms", "partner");

    static final List<String> EQUIPMENT = List.of("стиральная машина", "холодильник", "посудомоечная машина", "кондиционер",
            "электроплита", "духовой шкаф", "бойлер", "микроволновая печь", "телевизор", "кофемашина");

    static final List<String> PROBLEMS = List.of("не включается", "не сливает воду", "не греет", "течёт", "шумит при отжиме",
            "не морозит", "выбивает автомат", "ошибка на дисплее", "не крутит барабан", "плохо охлаждает");

    static final List<String> MEN = List.of("Александр", "Сергей", "Дмитрий", "Андрей", "Алексей", "Михаил", "Иван",
            "Николай", "Владимир", "Павел");

    static final List<String> WOMEN = List.of("Елена", "Ольга", "Наталья", "Татьяна", "Ирина", "Анна", "Мария", "Светлана",
            "Екатерина", "Юлия");

    static final List<String> LAST_NAMES = List.of("Иванов", "Смирнов", "Кузнецов", "Попов", "Васильев", "Петров", "Соколов",
            "Михайлов", "Новиков", "Фёдоров", "Морозов", "Волков", "Алексеев", "Лебедев", "Семёнов", "Егоров", "Павлов",
            "Козлов", "Степанов", "Николаев");

    static final List<String> STREETS = List.of("ул. Ленина", "ул. Мира", "ул. Советская", "ул. Гагарина", "пр. Победы",
            "ул. Садовая", "ул. Молодёжная", "ул. Лесная", "ул. Школьная", "ул. Набережная");

    private CentreShape() {
    }

    static double weekday(DayOfWeek day) {
        return switch (day) {
            case MONDAY -> 1.20;
            case TUESDAY -> 1.10;
            case WEDNESDAY -> 1.05;
            case THURSDAY -> 1.00;
            case FRIDAY -> 0.95;
            case SATURDAY -> 0.70;
            case SUNDAY -> 0.55;
        };
    }

    static double season(LocalDate day) {
        if (day.getMonthValue() == 1 && day.getDayOfMonth() <= 8) {
            return 0.45;
        }
        return 1 + 0.2 * Math.cos(2 * Math.PI * (day.getDayOfYear() - 200) / 365.0);
    }

    /** Share of inbound calls missed in a local hour: more at peaks, so that the year's share is {@code mean}. */
    static double missShare(int hour, double mean) {
        double weighted = 0;
        double total = 0;
        for (double w : HOURS) {
            weighted += w * w;
            total += w;
        }
        double meanLoad = weighted / total;
        return mean * (0.5 + 0.5 * HOURS[hour] / meanLoad);
    }

    /** Seconds an answered inbound caller waited: longer queues at peaks (service level ≈ 80 % at 20 s). */
    static int answeredWait(SplittableRandom r, int hour) {
        double mean = 3 + 9 * HOURS[hour] / 2.9;
        return (int) exponential(r, mean);
    }

    static int abandonedWait(SplittableRandom r) {
        return (int) exponential(r, 40);
    }

    static int talk(SplittableRandom r, double medianSeconds) {
        return Math.max(8, (int) (medianSeconds * Math.exp(0.7 * r.nextGaussian())));
    }

    /** A quarter of handled calls put the caller on hold. */
    static int hold(SplittableRandom r) {
        return r.nextDouble() < 0.25 ? 5 + (int) exponential(r, 40) : 0;
    }

    static double exponential(SplittableRandom r, double mean) {
        return -mean * Math.log(1 - r.nextDouble());
    }

    static <T> T pick(SplittableRandom r, List<T> values) {
        return values.get(r.nextInt(values.size()));
    }
}
