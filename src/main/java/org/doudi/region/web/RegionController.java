package org.doudi.region.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.doudi.region.Region;
import org.doudi.region.Regions;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/regions")
@Tag(name = "行政区划", description = "The administrative hierarchy")
public class RegionController {

  private final Regions regions;

  public RegionController(Regions regions) {
    this.regions = regions;
  }

  @GetMapping
  @Operation(summary = "All regions, ordered by code")
  public List<Region> list() {
    return regions.list();
  }

  @GetMapping("/{code}")
  @Operation(summary = "One region")
  public Region get(@PathVariable String code) {
    return regions.get(code);
  }

  @GetMapping("/{code}/children")
  @Operation(summary = "The regions directly below one region")
  public List<Region> children(@PathVariable String code) {
    regions.get(code);
    return regions.children(code);
  }
}
