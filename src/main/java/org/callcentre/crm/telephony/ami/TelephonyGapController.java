package org.callcentre.crm.telephony.ami;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.callcentre.crm.auth.Role;
import org.callcentre.crm.shared.ApiResponse;
import org.callcentre.crm.shared.Fields;
import org.callcentre.crm.shared.PageRequest;

import java.util.List;

/** Recent gaps in what the PBX told us, newest first; {@code state} narrows to one state. */
@Tag(name = "telephony")
@Controller("/api/telephony/gaps")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({Role.ADMIN, Role.SUPERVISOR})
public class TelephonyGapController {
    private final TelephonyGapRepository gaps;

    TelephonyGapController(TelephonyGapRepository gaps) {
        this.gaps = gaps;
    }

    @Get
    public ApiResponse<List<TelephonyGap>> list(@Nullable @QueryValue Integer page, @Nullable @QueryValue Integer limit,
                                                @Nullable @QueryValue String state) {
        PageRequest request = PageRequest.of(page, limit);
        Fields f = new Fields();
        String wanted = f.oneOf("state", state, TelephonyGap.STATES, false);
        f.throwIfAny();
        return ApiResponse.page(gaps.list(wanted, request));
    }
}
