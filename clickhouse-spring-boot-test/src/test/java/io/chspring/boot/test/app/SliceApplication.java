package io.chspring.boot.test.app;

import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class SliceApplication {
}
