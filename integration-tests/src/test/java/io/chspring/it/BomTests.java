package io.chspring.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The BOM lists every module that is deployed (whose POM does not set {@code maven.deploy.skip}), and no other, with
 * the parent's version: a new module cannot be published without the BOM aligning it. Reads the POMs of the source
 * tree (Maven runs tests from this module's directory).
 */
class BomTests {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void theBomManagesEveryDeployedModuleAtTheParentsVersion() throws Exception {
        Document parent = parse(ROOT.resolve("pom.xml"));
        Document bom = parse(ROOT.resolve("chspring-bom/pom.xml"));
        List<String> deployed = new ArrayList<>();
        for (String module : texts(parent.getDocumentElement(), "module")) {
            Document pom = parse(ROOT.resolve(module).resolve("pom.xml"));
            boolean skipped = Files.readString(ROOT.resolve(module).resolve("pom.xml"))
                    .contains("<maven.deploy.skip>true</maven.deploy.skip>");
            String artifactId = direct(pom.getDocumentElement(), "artifactId");
            if (!skipped && !artifactId.equals("chspring-bom")) {
                deployed.add(artifactId);
            }
        }
        List<String> managed = texts((Element) bom.getElementsByTagName("dependencyManagement").item(0),
                "artifactId");
        assertThat(managed).as("artifacts in chspring-bom").containsExactlyInAnyOrderElementsOf(deployed);
        assertThat(direct(bom.getDocumentElement(), "version"))
                .isEqualTo(direct(parent.getDocumentElement(), "version"));
        assertThat(bom.getElementsByTagName("parent").getLength()).as("the BOM has no parent").isZero();
    }

    private static Document parse(Path pom) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(pom.toFile());
    }

    private static List<String> texts(Element root, String tag) {
        List<String> out = new ArrayList<>();
        NodeList nodes = root.getElementsByTagName(tag);
        for (int i = 0; i < nodes.getLength(); i++) {
            Element e = (Element) nodes.item(i);
            // modules of profiles (benchmarks) are not part of the default build and never deployed
            if (!(tag.equals("module") && e.getParentNode().getParentNode().getNodeName().equals("profile"))) {
                out.add(e.getTextContent().strip());
            }
        }
        return out;
    }

    /** The text of a direct child, not one nested in parent or dependencies. */
    private static String direct(Element root, String tag) {
        NodeList children = root.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element e && e.getTagName().equals(tag)) {
                return e.getTextContent().strip();
            }
        }
        throw new AssertionError("no <" + tag + "> in " + root.getTagName());
    }
}
